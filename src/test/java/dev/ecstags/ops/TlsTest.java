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
import dev.ecstags.support.HeldLock;
import dev.ecstags.support.RawHttp;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HTTPS through Spring Boot's SSL bundles, with a self-signed certificate made for this run by the JDK's keytool
 * (as the README shows), and the Tea SDK calling over HTTPS, its default, trusting that certificate; and a client
 * that leaves, noticed over TLS as over plain HTTP.
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

    /**
     * Over TLS too, a call's client that closes its connection (close_notify, then FIN) has its statement cancelled
     * at once, while a client that stays gets its answer from a call that took a second.
     */
    @Test
    void aCallWhoseClientLeavesOverHttpsIsCancelledAndOneWhoseClientStaysIsAnswered() throws Exception {
        IssuedAccessKey key = newNormalKey();
        String instance = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration("cn-hangzhou", "instance", instance, key.accountId(),
                true)));
        try (Socket tagging = httpsCall(rpc.v1(key).action("TagResources").param("RegionId", "cn-hangzhou")
                .param("ResourceType", "instance").param("ResourceId.1", instance).param("Tag.1.Key", "env")
                .param("Tag.1.Value", "tls"))) {
            assertThat(RawHttp.read(tagging).status()).isEqualTo(200);
        }

        try (var lock = HeldLock.onResource(instance)) {
            Socket leaving = httpsCall(untag(key, instance));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lock.waiting().size() == 1);

            leaving.close();

            Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> lock.waiting().isEmpty());
        }
        assertThat(tagRows(key.accountId())).hasSize(1);

        try (Socket staying = slowHttpsCall(untag(key, instance), instance)) {
            assertThat(RawHttp.read(staying).status()).isEqualTo(200);
        }
        assertThat(tagRows(key.accountId())).isEmpty();
    }

    private TestSigner.V1 untag(IssuedAccessKey key, String instance) {
        return rpc.v1(key).action("UntagResources").param("RegionId", "cn-hangzhou").param("ResourceType", "instance")
                .param("ResourceId.1", instance).param("TagKey.1", "env");
    }

    private Socket slowHttpsCall(TestSigner.V1 request, String instance) throws Exception {
        try (var lock = HeldLock.onResource(instance)) {
            Socket client = httpsCall(request);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lock.waiting().size() == 1);
            Thread.sleep(1_000);
            return client;
        }
    }

    /** Sends the request as a GET over a TLS connection that trusts this run's certificate, and leaves it open. */
    private Socket httpsCall(TestSigner.V1 request) throws Exception {
        var trusted = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        var tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        Socket socket = tls.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /?" + request.encodedParameters() + " HTTP/1.1\r\nHost: " + rpc.host()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
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
