package dev.ecstags.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.sdk.SdkClients;
import dev.ecstags.sdk.TeaRpc;
import dev.ecstags.sdk.TeaRpc.Answer;
import dev.ecstags.support.RpcClient;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * CONTRACT.md §5, limits: Alibaba Cloud's flow control, per account, region and action class. Past its rate a call
 * is refused at once with 400 Throttling.User in the usual envelope, counted in the error metric; another account,
 * region or action class is not affected; it is decided after the signature (nobody without the account's secret
 * can spend its rate) and before the nonce is recorded and any parameter rule. The window is an hour here, so that
 * a bucket runs dry whatever the speed of the machine.
 */
@TestPropertySource(properties = {"tags.throttle.write-per-second=2", "tags.throttle.read-per-second=3",
        "tags.throttle.rate-period=1h"})
class ThrottlingErrorsTest extends ServiceTest {
    @Autowired
    MeterRegistry meters;

    private String account;
    private IssuedAccessKey issued;
    private TeaRpc key;
    private String resource;

    @BeforeEach
    void anAccountWithAResource() {
        issued = newNormalKey();
        account = issued.accountId();
        key = new TeaRpc(issued, port);
        resource = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration(SdkClients.REGION, "instance", resource, account, true)));
    }

    @Test
    void writesPastTheRateAreRefusedWithThrottlingUser() {
        double counted = throttledCount();
        assertThat(tag(key, SdkClients.REGION).status()).isEqualTo(200);
        assertThat(untag(key).status()).isEqualTo(200);

        Answer refused = tag(key, SdkClients.REGION);

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("Throttling.User");
        assertThat(refused.body()).containsEntry("Message", "Request was denied due to user flow control.")
                .containsKeys("RequestId", "HostId");
        assertThat(untag(key).code()).isEqualTo("Throttling.User");
        assertThat(throttledCount()).isEqualTo(counted + 2);

        // Reads have their own rate; another region its own bucket; another account its own.
        assertThat(list(key).status()).isEqualTo(200);
        assertThat(tag(key, "cn-beijing").code()).isNotEqualTo("Throttling.User");
        var other = TestIds.account();
        var otherKey = new TeaRpc(accessKeys.create(other, false), port);
        String otherResource = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration(SdkClients.REGION, "instance", otherResource, other,
                true)));
        assertThat(otherKey.call("TagResources", Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance",
                "ResourceId.1", otherResource, "Tag.1.Key", "k", "Tag.1.Value", "v")).status()).isEqualTo(200);
    }

    @Test
    void readsPastTheRateAreRefusedInXmlToo() {
        for (int call = 0; call < 3; call++) {
            assertThat(list(key).status()).isEqualTo(200);
        }
        assertThat(list(key).code()).isEqualTo("Throttling.User");

        var xml = new RpcClient(port).v1(issued).action("ListTagResources").format("XML")
                .params(Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance", "ResourceId.1", resource))
                .send();
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.isXml()).isTrue();
        assertThat(xml.code()).isEqualTo("Throttling.User");
        assertThat(xml.requestId()).isNotBlank();
        // Writes are still allowed: another action class.
        assertThat(tag(key, SdkClients.REGION).status()).isEqualTo(200);
    }

    @Test
    void describeTagsSharesTheReadRateWithListTagResources() {
        assertThat(list(key).status()).isEqualTo(200);
        assertThat(describe(key).status()).isEqualTo(200);
        assertThat(list(key).status()).isEqualTo(200);

        assertThat(describe(key).code()).isEqualTo("Throttling.User");
        assertThat(list(key).code()).isEqualTo("Throttling.User");
        // Writes are still allowed: another action class.
        assertThat(tag(key, SdkClients.REGION).status()).isEqualTo(200);
    }

    @Test
    void onlyAuthenticatedCallsCountAndAWrongSignatureIsNotThrottled() {
        var forged = new TeaRpc(new IssuedAccessKey(issued.accessKeyId(), "not-the-secret", account, false,
                issued.status()), port);
        for (int call = 0; call < 5; call++) {
            assertThat(tag(forged, SdkClients.REGION).code()).isEqualTo("SignatureDoesNotMatch");
        }
        assertThat(tag(key, SdkClients.REGION).status()).isEqualTo(200);
        assertThat(tag(key, SdkClients.REGION).status()).isEqualTo(200);
        assertThat(tag(forged, SdkClients.REGION).code()).isEqualTo("SignatureDoesNotMatch");
        // Throttling comes before the action's own checks.
        assertThat(key.call("TagResources", Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance"))
                .code()).isEqualTo("Throttling.User");
    }

    @Test
    void aThrottledCallDoesNotUseUpItsNonce() {
        assertThat(tag(key, SdkClients.REGION).status()).isEqualTo(200);
        assertThat(tag(key, SdkClients.REGION).status()).isEqualTo(200);
        String nonce = "throttled-" + TestIds.instance();

        Answer refused = key.call("TagResources", Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance",
                "ResourceId.1", resource, "Tag.1.Key", "k", "Tag.1.Value", "v"),
                Map.of("x-acs-signature-nonce", nonce));

        assertThat(refused.code()).isEqualTo("Throttling.User");
        assertThat(jdbc.sql("select count(*) from signature_nonce where nonce = ?").param(nonce)
                .query(Integer.class).single()).isZero();
    }

    private double throttledCount() {
        // One counter per action: the refusals of every action together.
        return meters.find("ecs.tag.api.errors").tag("code", "Throttling.User").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private Answer tag(TeaRpc caller, String region) {
        return caller.call("TagResources", Map.of("RegionId", region, "ResourceType", "instance",
                "ResourceId.1", resource, "Tag.1.Key", "k", "Tag.1.Value", "v"));
    }

    private Answer untag(TeaRpc caller) {
        return caller.call("UntagResources", Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance",
                "ResourceId.1", resource, "TagKey.1", "k"));
    }

    private Answer describe(TeaRpc caller) {
        return caller.call("DescribeTags", Map.of("RegionId", SdkClients.REGION));
    }

    private Answer list(TeaRpc caller) {
        return caller.call("ListTagResources", Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance",
                "ResourceId.1", resource));
    }
}
