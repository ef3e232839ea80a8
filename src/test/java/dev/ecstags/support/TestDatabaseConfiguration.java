package dev.ecstags.support;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Points the application at the test JVM's throw-away PostgreSQL. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    JdbcConnectionDetails testPostgresConnectionDetails() {
        return TestPostgres.connectionDetails();
    }
}
