package dev.ecstags.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.ecs20140526.Client;
import com.aliyun.ecs20140526.models.ListTagResourcesRequest;
import com.aliyun.ecs20140526.models.TagResourcesRequest;
import com.aliyun.ecs20140526.models.UntagResourcesRequest;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HTTPS through Spring Boot's SSL bundles, with a self-signed certificate made for this run by the JDK's keytool
 * (as the README shows), and the Tea SDK calling over HTTPS, its default, trusting that certificate.
 */
class TlsTest extends ServiceTest {

    private static final String PASSWORD = "test-only-keystore";
    private static Path keystore;
    private static String certificatePem;

    @DynamicPropertySource
    static void sslBundle(DynamicPropertyRegistry registry) throws Exception {
        generateCertificate();
        registry.add("server.ssl.bundle", () -> "server");
        registry.add("spring.ssl.bundle.jks.server.keystore.location", () -> keystore.toUri().toString());
        registry.add("spring.ssl.bundle.jks.server.keystore.password", () -> PASSWORD);
        registry.add("spring.ssl.bundle.jks.server.keystore.type", () -> "PKCS12");
        registry.add("spring.ssl.bundle.jks.server.key.alias", () -> "ecs-tag-service");
    }

    @Test
    void theTeaSdkTagsListsAndUntagsOverHttpsItsDefault() throws Exception {
        IssuedAccessKey key = newNormalKey();
        String account = key.accountId();
        String instance = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration("cn-hangzhou", "instance", instance, account, true)));
        Config config = new Config()
                .setAccessKeyId(key.accessKeyId())
                .setAccessKeySecret(key.accessKeySecret())
                .setRegionId("cn-hangzhou")
                .setEndpoint("127.0.0.1:" + port);
        assertThat(config.getProtocol()).as("no protocol set: the SDK's default").isNull();
        Client client = new Client(config);
        // Trust this run's self-signed certificate (and check the host name against it), not every certificate.
        RuntimeOptions runtime = new RuntimeOptions().setCa(certificatePem).setAutoretry(false);

        client.tagResourcesWithOptions(new TagResourcesRequest().setRegionId("cn-hangzhou")
                .setResourceType("instance").setResourceId(List.of(instance))
                .setTag(List.of(new TagResourcesRequest.TagResourcesRequestTag().setKey("env").setValue("tls"))),
                runtime);
        var listed = client.listTagResourcesWithOptions(new ListTagResourcesRequest().setRegionId("cn-hangzhou")
                .setResourceType("instance").setResourceId(List.of(instance)), runtime);
        client.untagResourcesWithOptions(new UntagResourcesRequest().setRegionId("cn-hangzhou")
                .setResourceType("instance").setResourceId(List.of(instance)).setTagKey(List.of("env")), runtime);

        var entries = listed.getBody().getTagResources().getTagResource();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getTagValue()).isEqualTo("tls");
        assertThat(client.listTagResourcesWithOptions(new ListTagResourcesRequest().setRegionId("cn-hangzhou")
                .setResourceType("instance").setResourceId(List.of(instance)), runtime)
                .getBody().getTagResources().getTagResource()).isEmpty();
    }

    private static synchronized void generateCertificate() throws Exception {
        if (keystore != null) {
            return;
        }
        Path directory = Files.createTempDirectory("ecs-tags-tls");
        directory.toFile().deleteOnExit();
        keystore = directory.resolve("server.p12");
        keytool("-genkeypair", "-alias", "ecs-tag-service", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD);
        Path certificate = directory.resolve("server.crt");
        keytool("-exportcert", "-rfc", "-alias", "ecs-tag-service", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-file", certificate.toString());
        certificatePem = Files.readString(certificate, StandardCharsets.US_ASCII);
        keystore.toFile().deleteOnExit();
        certificate.toFile().deleteOnExit();
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
