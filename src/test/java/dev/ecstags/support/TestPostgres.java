package dev.ecstags.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One throw-away PostgreSQL 17 for the whole test JVM: a Testcontainers container where a Docker engine answers,
 * else an embedded server of the same major version. Never skipped: if neither starts, every database test fails.
 */
public final class TestPostgres {

    private static JdbcConnectionDetails connectionDetails;

    private TestPostgres() {
    }

    public static synchronized JdbcConnectionDetails connectionDetails() {
        if (connectionDetails == null) {
            connectionDetails = dockerAnswers() ? startContainer() : startEmbedded();
        }
        return connectionDetails;
    }

    private static boolean dockerAnswers() {
        // Asking Testcontainers without any Docker engine in sight only makes it log an ERROR before the embedded
        // server takes over, which is the expected path on such a machine.
        if (!dockerEngineInSight()) {
            LoggerFactory.getLogger(TestPostgres.class).info(
                    "No Docker engine configured (DOCKER_HOST, a docker.sock, ~/.testcontainers.properties): "
                            + "using the embedded PostgreSQL 17, as expected without Docker");
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException noDocker) {
            return false;
        }
    }

    private static boolean dockerEngineInSight() {
        String home = System.getProperty("user.home");
        String runtimeDirectory = System.getenv("XDG_RUNTIME_DIR");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || (runtimeDirectory != null && Files.exists(Path.of(runtimeDirectory, "docker.sock")));
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper removes it
    private static JdbcConnectionDetails startContainer() {
        var container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return details(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static JdbcConnectionDetails startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }));
            return details(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    private static JdbcConnectionDetails details(String url, String username, String password) {
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return url;
            }

            @Override
            public String getUsername() {
                return username;
            }

            @Override
            public String getPassword() {
                return password;
            }
        };
    }
}
