package dev.ecstags.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecstags.EcsTagServiceApplication;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A wrong setting stops the start with a message naming its environment variable, before the database is touched;
 * an unreachable database is one clear report, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsAtStartupTest {

    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /** A database of its own, never migrated: that it stays empty shows that Flyway did not run. */
    private static String emptyDatabaseUrl;

    @BeforeAll
    static void emptyDatabase() throws Exception {
        var postgres = TestPostgres.connectionDetails();
        String name = TestIds.resource("ops_settings_");
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword())) {
            connection.createStatement().execute("create database " + name);
        }
        String url = postgres.getJdbcUrl();
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        emptyDatabaseUrl = url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    @Test
    void regionsThatNameNoRegionStopTheStartBeforeFlyway(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> start(emptyDatabaseUrl, "tags.regions=,", "tags.master-key=" + MASTER_KEY));

        assertThat(output.getOut()).contains("TAGS_REGIONS names no region");
        assertThat(tablesIn(emptyDatabaseUrl)).isEmpty();
    }

    @Test
    void everyBrokenSettingIsNamedAtOnce(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> start(emptyDatabaseUrl, "tags.regions=cn-hangzhou,CN HANGZHOU",
                "tags.master-key=c2hvcnQ=", "tags.previous-master-keys=nope", "tags.db-pool-size=lots"));

        assertThat(output.getOut()).contains(
                "TAGS_REGIONS holds \"CN HANGZHOU\"",
                "TAGS_MASTER_KEY must be the base64 of exactly 32 bytes",
                "TAGS_PREVIOUS_MASTER_KEYS must hold",
                "TAGS_DB_POOL_SIZE must be a whole number");
        assertThat(tablesIn(emptyDatabaseUrl)).isEmpty();
    }

    @Test
    void aMissingMasterKeyIsNamed(CapturedOutput output) {
        assertThatThrownBy(() -> start(emptyDatabaseUrl, "tags.master-key="));

        assertThat(output.getOut()).contains("TAGS_MASTER_KEY is not set");
    }

    @Test
    void anUnreachableDatabaseIsOneClearReportWithoutAStackTrace(CapturedOutput output) {
        assertThatThrownBy(() -> start("jdbc:postgresql://127.0.0.1:1/tags?password=not-shown",
                "tags.master-key=" + MASTER_KEY));

        assertThat(output.getOut())
                .contains("The database cannot be reached at jdbc:postgresql://127.0.0.1:1/tags:")
                .contains("Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD")
                .doesNotContain("not-shown");
        assertThat(output.getOut().lines().filter(line -> line.startsWith("\tat ")).count())
                .as("stack frames printed").isZero();
    }

    @Test
    void aMissingAdminTokenIsAWarning(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(TestPostgres.connectionDetails().getJdbcUrl(),
                "tags.master-key=" + MASTER_KEY, "tags.admin.token=", "spring.main.web-application-type=servlet",
                "server.port=0")) {
            assertThat(output.getOut()).contains("WARN").contains("No admin token is set (TAGS_ADMIN_TOKEN)");
        }
    }

    private static ConfigurableApplicationContext start(String url, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + TestPostgres.connectionDetails().getUsername(),
                "spring.datasource.password=" + TestPostgres.connectionDetails().getPassword(),
                "spring.datasource.hikari.initialization-fail-timeout=1",
                "spring.jmx.enabled=false"));
        all.addAll(List.of(properties));
        if (all.stream().noneMatch(property -> property.startsWith("spring.main.web-application-type="))) {
            all.add("spring.main.web-application-type=none");
        }
        // As command-line arguments: they win over application.yml, as the environment variables would.
        return new SpringApplicationBuilder(EcsTagServiceApplication.class)
                .run(all.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    private static List<String> tablesIn(String url) throws Exception {
        var postgres = TestPostgres.connectionDetails();
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, postgres.getUsername(), postgres.getPassword());
                ResultSet rows = connection.createStatement().executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }
}
