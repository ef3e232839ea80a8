package dev.ecstags.support;

import dev.ecstags.EcsTagServiceApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the service on the same test database, as behind a load balancer, started before a test
 * class's tests and stopped after them:
 * {@code @RegisterExtension static final SecondInstance secondInstance = new SecondInstance();}.
 */
public final class SecondInstance implements BeforeAllCallback, AfterAllCallback {

    private final List<String> extraArguments;
    private ConfigurableApplicationContext context;

    /** @param extraArguments further {@code --name=value} settings of the second instance only */
    public SecondInstance(String... extraArguments) {
        this.extraArguments = List.of(extraArguments);
    }

    @Override
    public void beforeAll(ExtensionContext extensionContext) {
        var database = TestPostgres.connectionDetails();
        // Arguments, not default properties: application.yml's own datasource settings must not win.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword(),
                "--spring.datasource.hikari.maximum-pool-size=4"));
        arguments.addAll(extraArguments);
        context = new SpringApplicationBuilder(EcsTagServiceApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    @Override
    public void afterAll(ExtensionContext extensionContext) {
        if (context != null) {
            context.close();
        }
    }

    /** The port the second instance listens on. */
    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
