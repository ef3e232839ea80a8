package dev.ecstags.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.support.RpcClient;
import dev.ecstags.support.RpcResponse;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/** What an operator reads in the log: one line per RPC call and per admin change, and never a credential. */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest extends ServiceTest {

    private static final String REGION = "cn-hangzhou";
    private static final String ADMIN_TOKEN = "test-admin-token"; // application-test.yml
    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    @Autowired
    Environment environment;

    @Test
    void aSuccessfulCallIsOneLineWithItsRequestIdInTheMdc(CapturedOutput output) {
        IssuedAccessKey key = newNormalKey();
        String instance = instanceOf(key.accountId());
        var call = rpc.v1(key).action("TagResources").param("RegionId", REGION)
                .param("ResourceType", "instance").param("ResourceId.1", instance)
                .param("Tag.1.Key", "env").param("Tag.1.Value", "prod");
        String signature = call.signedParameters().get("Signature");

        RpcResponse response = call.send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        String requestId = response.requestIdHeader();
        List<String> lines = linesWith(output, "RequestId=" + requestId);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .contains(" INFO [" + requestId + "]")
                .contains("RPC TagResources", "AccessKeyId=" + key.accessKeyId(), "account=" + key.accountId(),
                        "region=" + REGION, "status=200", "code=-", " ms");
        // Spring Boot's console layout, which application.yml's copy of it without colours keeps.
        assertThat(lines.get(0))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)  INFO \\["
                        + requestId
                        + "] \\d+ --- \\[ecs-tag-service] \\[.{15}] dev\\.ecstags\\.api\\.RpcCallLog +: RPC .*");
        assertThat(output.getOut()).doesNotContain(signature, key.accessKeySecret());
    }

    /** A form body is read asynchronously (RequestIntakeFilter), so the call reaches the log on an async dispatch. */
    @Test
    void aCallWithAFormBodyIsOneLineToo(CapturedOutput output) {
        IssuedAccessKey key = newNormalKey();
        String instance = instanceOf(key.accountId());
        var call = rpc.v1(key).action("UntagResources").param("RegionId", REGION)
                .param("ResourceType", "instance").param("ResourceId.1", instance).param("TagKey.1", "env")
                .inFormBody();

        RpcResponse response = call.send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> lines = linesWith(output, "RequestId=" + response.requestIdHeader());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("RPC UntagResources", "account=" + key.accountId(), "status=200", "code=-");
    }

    @Test
    void aRefusedCallNamesItsCodeAndTheClaimedKeyButNoAccount(CapturedOutput output) {
        IssuedAccessKey key = newNormalKey();
        var call = new RpcClient(port).v3(key.accessKeyId(), "not-the-secret").action("UntagResources")
                .param("RegionId", REGION).param("ResourceType", "instance").param("ResourceId.1", "i-x")
                .param("TagKey.1", "env");
        String authorization = call.authorizationHeader();

        RpcResponse response = call.send();

        assertThat(response.code()).isEqualTo("SignatureDoesNotMatch");
        List<String> lines = linesWith(output, "RequestId=" + response.requestIdHeader());
        assertThat(lines).singleElement().asString()
                .contains("RPC UntagResources", "AccessKeyId=" + key.accessKeyId(), "account=-", "status=400",
                        "code=SignatureDoesNotMatch");
        String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
        assertThat(output.getOut()).doesNotContain(signature, key.accessKeySecret());
    }

    @Test
    void anUnknownActionIsLoggedAsUnknownNotAsWhatTheCallerSent(CapturedOutput output) {
        IssuedAccessKey key = newNormalKey();

        RpcResponse response = new RpcClient(port).v1(key).action("Delete\nAll").send();

        assertThat(response.code()).isEqualTo("InvalidAction.NotFound");
        assertThat(linesWith(output, "RequestId=" + response.requestIdHeader())).singleElement().asString()
                .contains("RPC unknown", "code=InvalidAction.NotFound");
        assertThat(output.getOut()).doesNotContain("Delete\nAll");
    }

    @Test
    void everyAdminChangeIsOneLineWithoutTheSecretOrTheToken(CapturedOutput output) throws Exception {
        String account = TestIds.account();
        String created = admin("POST", "/admin/v1/access-keys", "{\"accountId\":\"" + account + "\"}");
        String accessKeyId = field(created, "accessKeyId");
        String secret = field(created, "accessKeySecret");
        admin("PATCH", "/admin/v1/access-keys/" + accessKeyId, "{\"status\":\"Inactive\"}");
        String instance = TestIds.instance();
        admin("PUT", "/admin/v1/resources", "{\"resources\":[{\"regionId\":\"" + REGION
                + "\",\"resourceType\":\"instance\",\"resourceId\":\"" + instance + "\",\"accountId\":\"" + account
                + "\"}]}");
        admin("DELETE", "/admin/v1/resources/" + REGION + "/instance/" + instance, null);
        admin("DELETE", "/admin/v1/access-keys/" + accessKeyId, null);

        assertThat(String.join("\n", linesWith(output, "Admin: "))).containsSubsequence(
                "issued AccessKey " + accessKeyId + " for account " + account,
                "AccessKey " + accessKeyId + " of account " + account + " is now Inactive",
                "registered 1 resource(s): " + REGION + "/instance/" + instance,
                "removed resource instance " + instance + " in " + REGION,
                "deleted AccessKey " + accessKeyId);
        assertThat(output.getOut()).doesNotContain(secret, ADMIN_TOKEN, MASTER_KEY);
    }

    @Test
    void theTomcatAccessLogNeverWritesTheQuery() {
        String pattern = environment.getProperty("server.tomcat.accesslog.pattern");
        assertThat(pattern).contains("%U").doesNotContain("%r", "%q", "%{");
        assertThat(environment.getProperty("server.tomcat.accesslog.enabled", Boolean.class, false)).isFalse();
    }

    private String instanceOf(String account) {
        String id = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration(REGION, "instance", id, account, true)));
        return id;
    }

    /**
     * The lines holding the text, once there are any: a call's line is written when the call ends, which may be just
     * after its answer reached the client.
     */
    private static List<String> linesWith(CapturedOutput output, String text) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> output.getOut().lines().anyMatch(line -> line.contains(text)));
        return output.getOut().lines().filter(line -> line.contains(text)).toList();
    }

    private String admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }

    private static String field(String json, String name) {
        return tools.jackson.databind.json.JsonMapper.shared().readTree(json).get(name).asString();
    }
}
