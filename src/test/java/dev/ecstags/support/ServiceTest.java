package dev.ecstags.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.AccessKeys;
import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceInventory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test of the running service ({@link IntegrationTest}: the whole service on a random port, against the test
 * PostgreSQL), and what every such test is given: the port, a client for it, the beans that prepare a test's own
 * data (AccessKeys, resources) and read what the database holds, and the assertions on an answer. A test autowires
 * anything else it needs itself.
 */
@IntegrationTest
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

    /** The account whose tag rows {@link #assertRefused} checks, and its rows as {@link #watchTagRows} read them. */
    private String watchedAccount;
    private List<String> watchedRows;

    @BeforeEach
    void connect() {
        rpc = new RpcClient(port);
        watchedAccount = null;
        watchedRows = null;
    }

    /** A normal AccessKey of a fresh account. */
    protected IssuedAccessKey newNormalKey() {
        return accessKeys.create(TestIds.account(), false);
    }

    /** A service AccessKey of a fresh account (a cloud-internal service). */
    protected IssuedAccessKey newServiceKey() {
        return accessKeys.create(TestIds.account(), true);
    }

    /**
     * Every tag row of an account as the database holds it: {@code region/type/resource key=value (private)},
     * sorted, so a before/after comparison shows any change at all.
     */
    protected List<String> tagRows(String accountId) {
        return jdbc.sql("""
                select region_id || '/' || resource_type || '/' || resource_id || ' ' || tag_key || '='
                       || tag_value || case when private then ' (private)' else '' end as tag_row
                from tag where account_id = ?
                order by region_id, resource_type, resource_id, tag_key collate "C" """)
                .param(accountId)
                .query(String.class)
                .list();
    }

    /** Reads an account's tag rows and returns them; {@link #assertRefused} then checks that a refusal kept them. */
    protected List<String> watchTagRows(String accountId) {
        watchedAccount = accountId;
        watchedRows = tagRows(accountId);
        return watchedRows;
    }

    /** A successful answer: 200 and no Code. */
    protected static void assertSucceeded(RpcResponse response) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(200);
        assertThat(response.code()).as("Code of %s", response).isNull();
    }

    /** The status and code of an error answer, and the RequestId, body and header alike, that every one carries. */
    protected static RpcResponse assertError(RpcResponse response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.code()).as("Code of %s", response).isEqualTo(code);
        assertThat(response.requestId()).as("RequestId of %s", response)
                .matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}")
                .isEqualTo(response.requestIdHeader());
        return response;
    }

    /**
     * A refusal: the error answer as {@link #assertError} checks it, and nothing changed, the tag rows of the
     * account last given to {@link #watchTagRows} being exactly what they were.
     */
    protected RpcResponse assertRefused(RpcResponse response, int status, String code) {
        assertError(response, status, code);
        assertThat(watchedAccount).as("the account whose tag rows a refusal must keep (watchTagRows)").isNotNull();
        assertThat(tagRows(watchedAccount)).as("tag rows after a refused call").isEqualTo(watchedRows);
        return response;
    }
}
