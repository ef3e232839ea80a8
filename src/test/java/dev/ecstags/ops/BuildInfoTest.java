package dev.ecstags.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** /actuator/info says which build runs: version (build-info) and commit (git-commit-id). */
class BuildInfoTest extends ServiceTest {

    @Test
    void infoShowsTheBuildVersionAndTheCommit() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/info"))
                // Every actuator endpoint but health needs the admin token (application-test.yml's).
                .header("Authorization", "Bearer test-admin-token").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode info = JsonMapper.shared().readTree(response.body());
        assertThat(info.path("build").path("version").asString()).as(response.body()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.path("build").path("artifact").asString()).isEqualTo("ecs-tag-service");
        assertThat(info.path("git").path("commit").path("id").asString()).as(response.body())
                .matches("[0-9a-f]{7,40}");
    }
}
