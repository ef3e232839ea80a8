package dev.ecstags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** Fails the build unless the database tests really ran against PostgreSQL 17 with the Flyway schema. */
class DatabaseIsPostgresTest extends ServiceTest {

    @Test
    void testsRunAgainstPostgresql17WithTheMigratedSchema() {
        int version = jdbc.sql("show server_version_num").query(Integer.class).single();
        assertThat(version).isBetween(170000, 179999);
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
                .isPositive();
    }
}
