package dev.ecstags.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** /v3/api-docs describes the admin API, and only it, with its bearer token. */
class AdminOpenApiTest extends ServiceTest {

    @Test
    void describesEveryAdminPathAndNothingElseWithTheBearerScheme() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode api = JsonMapper.shared().readTree(response.body());
        List<String> paths = api.get("paths").propertyStream().map(java.util.Map.Entry::getKey).toList();
        assertThat(paths).containsExactlyInAnyOrder(
                "/admin/v1/access-keys", "/admin/v1/access-keys/{accessKeyId}", "/admin/v1/resources",
                "/admin/v1/resources/{regionId}/{resourceType}/{resourceId}", "/admin/v1/master-key/reseal",
                "/admin/v1/tag-history", "/admin/v1/tag-history/tags");
        assertThat(api.get("paths").get("/admin/v1/access-keys").has("get")).isTrue();
        assertThat(api.get("paths").get("/admin/v1/access-keys").has("post")).isTrue();
        JsonNode scheme = api.get("components").get("securitySchemes").get("adminToken");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(api.get("security").get(0).has("adminToken")).isTrue();
    }
}
