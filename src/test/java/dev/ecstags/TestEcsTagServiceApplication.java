package dev.ecstags;

import dev.ecstags.support.TestDatabaseConfiguration;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.boot.SpringApplication;

/**
 * {@code ./mvnw spring-boot:test-run}: the service on port 8080 (or SERVER_PORT) against a throw-away PostgreSQL,
 * with a demo account, AccessKey and resources ({@link DemoData}) logged at startup. Nothing survives a restart.
 */
public class TestEcsTagServiceApplication {

    public static void main(String[] args) {
        SecureRandom random = new SecureRandom();
        // A local run needs no setup: settings not given are made up for this run only.
        defaultUnlessSet("TAGS_MASTER_KEY", "tags.master-key", Base64.getEncoder().encodeToString(bytes(random, 32)));
        defaultUnlessSet("TAGS_ADMIN_TOKEN", "tags.admin.token",
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, 24)));
        SpringApplication.from(EcsTagServiceApplication::main)
                .with(TestDatabaseConfiguration.class, DemoData.class)
                .run(args);
    }

    private static void defaultUnlessSet(String environmentVariable, String property, String value) {
        String fromEnvironment = System.getenv(environmentVariable);
        if ((fromEnvironment == null || fromEnvironment.isBlank()) && System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static byte[] bytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
