package dev.ecstags.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.admin.AdminHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AccessKeyAdminApiTest extends AdminApiTest {

    private static final String ACCOUNT = "1234567890123456";

    @Test
    void createsANormalActiveKeyAndShowsItsSecretOnce() {
        Reply reply = admin.call("POST", "/admin/v1/access-keys", "{\"accountId\":\"" + ACCOUNT + "\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode key = reply.json();
        assertThat(fieldNames(key))
                .containsExactlyInAnyOrder("accessKeyId", "accessKeySecret", "accountId", "service", "status");
        String accessKeyId = key.get("accessKeyId").asString();
        String secret = key.get("accessKeySecret").asString();
        assertThat(accessKeyId).isNotBlank();
        assertThat(secret).isNotBlank();
        assertThat(key.get("accountId").asString()).isEqualTo(ACCOUNT);
        assertThat(key.get("service").asBoolean()).isFalse();
        assertThat(key.get("status").asString()).isEqualTo("Active");
        assertThat(reply.header("Location")).isEqualTo("/admin/v1/access-keys/" + accessKeyId);

        byte[] stored = jdbc.sql("select secret_cipher from access_key where access_key_id = ? and account_id = ?")
                .params(accessKeyId, ACCOUNT)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("stored encrypted").doesNotContain(secret);
    }

    @Test
    void createsAServiceKey() {
        Reply reply = admin.call("POST", "/admin/v1/access-keys", "{\"accountId\":\"42\",\"service\":true}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("service").asBoolean()).isTrue();
        assertThat(jdbc.sql("select service from access_key where access_key_id = ?")
                .param(reply.json().get("accessKeyId").asString()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void refusesABadOrMissingAccountId() {
        for (String body : List.of("{\"accountId\":\"12ab\"}", "{\"accountId\":\"123456789012345678901\"}",
                "{\"accountId\":\"\"}", "{}")) {
            Reply reply = admin.call("POST", "/admin/v1/access-keys", body);
            assertProblem(reply, 400);
            assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("accountId");
        }
        assertProblem(admin.call("POST", "/admin/v1/access-keys", "{\"accountId\":"), 400);
    }

    @Test
    void disablesAndEnablesAKeyWithoutShowingItsSecret() {
        String accessKeyId = createKey();

        Reply disabled = admin.call("PATCH", "/admin/v1/access-keys/" + accessKeyId, "{\"status\":\"Inactive\"}");

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(fieldNames(disabled.json()))
                .containsExactlyInAnyOrder("accessKeyId", "accountId", "service", "status");
        assertThat(disabled.json().get("accessKeyId").asString()).isEqualTo(accessKeyId);
        assertThat(disabled.json().get("accountId").asString()).isEqualTo(ACCOUNT);
        assertThat(disabled.json().get("status").asString()).isEqualTo("Inactive");
        assertThat(storedStatus(accessKeyId)).isEqualTo("Inactive");

        Reply enabled = admin.call("PATCH", "/admin/v1/access-keys/" + accessKeyId, "{\"status\":\"Active\"}");

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("status").asString()).isEqualTo("Active");
        assertThat(storedStatus(accessKeyId)).isEqualTo("Active");
    }

    @Test
    void changingTheStatusOfAnUnknownKeyIs404() {
        assertProblem(admin.call("PATCH", "/admin/v1/access-keys/LTAInosuchkey", "{\"status\":\"Inactive\"}"), 404);
    }

    @Test
    void refusesAStatusOtherThanActiveOrInactive() {
        String accessKeyId = createKey();

        assertProblem(admin.call("PATCH", "/admin/v1/access-keys/" + accessKeyId, "{\"status\":\"Disabled\"}"), 400);
        assertProblem(admin.call("PATCH", "/admin/v1/access-keys/" + accessKeyId, "{}"), 400);
        assertThat(storedStatus(accessKeyId)).isEqualTo("Active");
    }

    @Test
    void deletesAKeyOnce() {
        String accessKeyId = createKey();

        Reply deleted = admin.call("DELETE", "/admin/v1/access-keys/" + accessKeyId, null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(jdbc.sql("select count(*) from access_key where access_key_id = ?").param(accessKeyId)
                .query(Integer.class).single()).isZero();
        assertProblem(admin.call("DELETE", "/admin/v1/access-keys/" + accessKeyId, null), 404);
    }

    @Test
    void everyAccessKeyCallNeedsTheToken() {
        String accessKeyId = createKey();

        assertProblem(admin.call("POST", "/admin/v1/access-keys", null, "{\"accountId\":\"1\"}"), 401);
        assertProblem(admin.call("PATCH", "/admin/v1/access-keys/" + accessKeyId, "Bearer wrong",
                "{\"status\":\"Inactive\"}"), 401);
        assertProblem(admin.call("DELETE", "/admin/v1/access-keys/" + accessKeyId, "Bearer wrong", null), 401);
        assertThat(storedStatus(accessKeyId)).isEqualTo("Active");
    }

    @Test
    void aWrongMethodIs405() {
        Reply reply = admin.call("PUT", "/admin/v1/access-keys/" + createKey(), "{}");

        assertProblem(reply, 405);
        assertThat(reply.header("Allow")).contains("DELETE", "PATCH");
    }

    private String createKey() {
        Reply reply = admin.call("POST", "/admin/v1/access-keys", "{\"accountId\":\"" + ACCOUNT + "\"}");
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("accessKeyId").asString();
    }

    private String storedStatus(String accessKeyId) {
        return jdbc.sql("select status from access_key where access_key_id = ?").param(accessKeyId)
                .query(String.class).single();
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyStream().map(java.util.Map.Entry::getKey).toList();
    }
}
