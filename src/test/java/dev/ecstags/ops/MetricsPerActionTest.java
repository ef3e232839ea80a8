package dev.ecstags.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.support.RpcClient;
import dev.ecstags.support.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes: latency histograms per action, errors per action and code. */
class MetricsPerActionTest extends ServiceTest {

    @Test
    void theRpcTimerHasBucketsPerActionAndTheErrorCounterNamesActionAndCode() throws Exception {
        IssuedAccessKey key = newNormalKey();
        var rpc = new RpcClient(port);
        assertThat(rpc.v1(key).action("ListTagResources").param("RegionId", "cn-hangzhou")
                .param("ResourceType", "instance").param("ResourceId.1", "i-none").send().status()).isEqualTo(200);
        assertThat(rpc.v1(key.accessKeyId(), "wrong").action("UntagResources").param("RegionId", "cn-hangzhou")
                .param("ResourceType", "instance").param("ResourceId.1", "i-none").param("TagKey.1", "k").send()
                .code()).isEqualTo("SignatureDoesNotMatch");

        // A call is timed as it ends, which may be just after its answer reached the client.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> scrape().contains(
                "ecs_tag_api_requests_seconds_count{action=\"UntagResources\",status=\"400\"}"));
        String scrape = scrape();

        assertThat(scrape)
                .containsPattern("ecs_tag_api_requests_seconds_bucket\\{action=\"ListTagResources\",status=\"200\","
                        + "le=\"0\\.005\"}")
                .containsPattern("ecs_tag_api_requests_seconds_bucket\\{action=\"ListTagResources\",status=\"200\","
                        + "le=\"\\+Inf\"} [1-9]")
                .containsPattern("ecs_tag_api_requests_seconds_count\\{action=\"UntagResources\",status=\"400\"}")
                .containsPattern("ecs_tag_api_errors_total\\{action=\"UntagResources\",code=\"SignatureDoesNotMatch\"}"
                        + " [1-9]");
    }

    @Test
    void rpcCallsAreTimedOnceByActionNotAgainAsHttpRequestsOfPathSlash() throws Exception {
        IssuedAccessKey key = newNormalKey();
        assertThat(rpc.v1(key).action("ListTagResources").param("RegionId", "cn-hangzhou")
                .param("ResourceType", "instance").param("ResourceId.1", "i-none").send().status()).isEqualTo(200);

        // Other paths keep Spring's http_server_requests: a scrape shows the scrapes before it.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> scrape().contains(
                "uri=\"/actuator/prometheus\""));
        assertThat(scrape())
                .contains("ecs_tag_api_requests_seconds_count{action=\"ListTagResources\",status=\"200\"}")
                .doesNotContain("uri=\"/\"");
    }

    private String scrape() throws Exception {
        return HttpClient.newHttpClient().send(
                // Every actuator endpoint but health needs the admin token (application-test.yml's).
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                        .header("Authorization", "Bearer test-admin-token").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
