package dev.ecstags.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.sdk.SdkClients;
import dev.ecstags.sdk.TeaRpc;
import dev.ecstags.sdk.TeaRpc.Answer;
import dev.ecstags.support.HeldLock;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Every statement has a deadline: a call whose statement outlasts TAGS_DB_STATEMENT_TIMEOUT (here waiting for a
 * row lock another transaction holds) answers 503 ServiceUnavailable, changes nothing, and leaves its pooled
 * connection fit for the next call (a pool of 2, so the next calls reuse it).
 */
@TestPropertySource(properties = {"TAGS_DB_STATEMENT_TIMEOUT=1s", "spring.datasource.hikari.maximum-pool-size=2"})
class StatementTimeoutTest extends ServiceTest {

    private TeaRpc key;
    private String resource;

    @BeforeEach
    void aTaggedResource() {
        String account = TestIds.account();
        key = new TeaRpc(accessKeys.create(account, false), port);
        resource = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration(SdkClients.REGION, "instance", resource, account, true)));
        assertThat(tag("env", "prod").status()).isEqualTo(200);
    }

    @Test
    void aTagResourcesThatWaitsPastTheTimeoutIsAnsweredServiceUnavailableAndChangesNothing() {
        try (var lock = HeldLock.onResource(resource)) {
            Answer answer = tag("env", "test");

            assertThat(answer.status()).as("%s", answer).isEqualTo(503);
            assertThat(answer.code()).isEqualTo("ServiceUnavailable");
        }
        assertThat(listed()).isEqualTo(Map.of("env", "prod"));
        for (int call = 0; call < 4; call++) {
            assertThat(tag("env", "v" + call).status()).isEqualTo(200);
        }
        assertThat(listed()).isEqualTo(Map.of("env", "v3"));
    }

    @Test
    void anUntagResourcesThatWaitsPastTheTimeoutIsAnsweredServiceUnavailableAndChangesNothing() {
        try (var lock = HeldLock.onResource(resource)) {
            Answer answer = key.call("UntagResources", Map.of("RegionId", SdkClients.REGION,
                    "ResourceType", "instance", "ResourceId.1", resource, "TagKey.1", "env"));

            assertThat(answer.status()).as("%s", answer).isEqualTo(503);
            assertThat(answer.code()).isEqualTo("ServiceUnavailable");
        }
        assertThat(listed()).isEqualTo(Map.of("env", "prod"));
    }

    private Answer tag(String tagKey, String value) {
        return key.call("TagResources", Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance",
                "ResourceId.1", resource, "Tag.1.Key", tagKey, "Tag.1.Value", value));
    }

    private Map<String, Object> listed() {
        Answer answer = key.call("ListTagResources", Map.of("RegionId", SdkClients.REGION,
                "ResourceType", "instance", "ResourceId.1", resource));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        var tags = new java.util.TreeMap<String, Object>();
        answer.tagResources().forEach(entry -> tags.put((String) entry.get("TagKey"), entry.get("TagValue")));
        return tags;
    }
}
