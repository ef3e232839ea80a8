package dev.ecstags.support;

import dev.ecstags.auth.AccessKeys;
import dev.ecstags.resource.ResourceInventory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every test of the running service (annotated {@link IntegrationTest}) is given: the port it listens on, a
 * client for it, and the beans that prepare a test's own data (AccessKeys, resources) and read what the database
 * holds. A test autowires anything else it needs itself.
 */
public abstract class ServiceTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected AccessKeys accessKeys;
    @Autowired
    protected ResourceInventory inventory;
    @Autowired
    protected JdbcClient jdbc;

    /** A client for the service under test, signing as the SDKs do. */
    protected RpcClient rpc;

    @BeforeEach
    void connect() {
        rpc = new RpcClient(port);
    }
}
