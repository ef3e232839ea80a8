package dev.ecstags.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.ServiceTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 6, item 7: health stays open; metrics and every other actuator endpoint need the admin token. */
class ActuatorAccessTest extends ServiceTest {

    static final String ADMIN_TOKEN = "test-admin-token";

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthIsOpen(String path) throws Exception {
        var response = get(path, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/prometheus", "/actuator/metrics",
            "/actuator/metrics/ecs.tag.api.errors", "/actuator/info", "/actuator/health/../prometheus",
            "/actuator/health;x=1/../metrics", "/actuator/%70rometheus"})
    void everythingElseNeedsTheAdminToken(String path) throws Exception {
        var response = get(path, null);

        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isIn(400, 401);
        assertThat(response.body()).doesNotContain("jvm_", "hikaricp", "ecs_tag_api");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-token", "Basic dGVzdDp0ZXN0", "Bearer "})
    void aWrongTokenIsRefusedAsTheAdminApiRefusesIt(String authorization) throws Exception {
        var response = get("/actuator/prometheus", authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/metrics"})
    void theAdminTokenOpensThem(String path) throws Exception {
        var response = get(path, "Bearer " + ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void prometheusScrapesWithTheBearerToken() throws Exception {
        var response = get("/actuator/prometheus", "Bearer " + ADMIN_TOKEN);

        assertThat(response.body()).contains("hikaricp_connections");
    }
}
