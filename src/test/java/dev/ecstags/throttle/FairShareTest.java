package dev.ecstags.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.sdk.SdkClients;
import dev.ecstags.sdk.TeaRpc;
import dev.ecstags.sdk.TeaRpc.Answer;
import dev.ecstags.support.HeldLock;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * One account holds at most TAGS_ACCOUNT_MAX_CONNECTIONS calls at once: while its calls are stuck in the database
 * (waiting for a row lock the test holds), its further calls are refused at once with Throttling.User, never
 * queued, and another account's calls all succeed. Once the stuck calls end, the account is served again.
 */
@TestPropertySource(properties = {"tags.throttle.account-max-connections=2", "TAGS_DB_STATEMENT_TIMEOUT=30s"})
class FairShareTest extends ServiceTest {

    private static final int FLOOD = 8;
    @Autowired
    AccountThrottle throttle;

    private final ExecutorService clients = Executors.newFixedThreadPool(FLOOD);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void aFloodingAccountGetsItsShareAndOthersAreServed() throws Exception {
        String flooder = TestIds.account();
        var flooderKey = new TeaRpc(accessKeys.create(flooder, false), port);
        String stuck = resourceOf(flooder);
        String other = TestIds.account();
        var otherKey = new TeaRpc(accessKeys.create(other, false), port);
        String otherResource = resourceOf(other);

        var flood = new ArrayList<CompletableFuture<Answer>>();
        try (var lock = HeldLock.onResource(stuck)) {
            for (int call = 0; call < FLOOD; call++) {
                String value = "v" + call;
                flood.add(CompletableFuture.supplyAsync(() -> tag(flooderKey, stuck, value), clients));
            }
            // All but two are refused at once, while the two admitted ones wait for the lock.
            var refused = new ArrayList<Answer>();
            for (int waited = 0; refused.size() < FLOOD - 2 && waited < 300; waited++) {
                refused.clear();
                flood.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).forEach(refused::add);
                Thread.sleep(100);
            }
            assertThat(refused).hasSize(FLOOD - 2).allSatisfy(answer -> {
                assertThat(answer.status()).as("%s", answer).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("Throttling.User");
            });
            assertThat(flood.stream().filter(call -> !call.isDone())).hasSize(2);

            // Another account, meanwhile: every call served.
            for (int call = 0; call < 5; call++) {
                assertThat(tag(otherKey, otherResource, "o" + call).status()).isEqualTo(200);
                assertThat(otherKey.call("ListTagResources", Map.of("RegionId", SdkClients.REGION,
                        "ResourceType", "instance", "TagFilter.1.TagKey", "*k*")).status()).isEqualTo(200);
            }
            // The flooder's other calls too are refused while its two are stuck, whatever the action.
            assertThat(flooderKey.call("ListTagResources", Map.of("RegionId", SdkClients.REGION,
                    "ResourceType", "instance", "ResourceId.1", stuck)).code()).isEqualTo("Throttling.User");
        }
        for (var call : flood) {
            assertThat(call.get(30, TimeUnit.SECONDS).status()).isIn(200, 400);
        }
        assertThat(flood.stream().map(CompletableFuture::join).filter(answer -> answer.status() == 200)).hasSize(2);
        // Every permit was given back.
        assertThat(throttle.inProgress(flooder)).isZero();
        for (int call = 0; call < 3; call++) {
            assertThat(tag(flooderKey, stuck, "after").status()).isEqualTo(200);
        }
    }

    private String resourceOf(String account) {
        String id = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration(SdkClients.REGION, "instance", id, account, true)));
        return id;
    }

    private static Answer tag(TeaRpc key, String resource, String value) {
        return key.call("TagResources", Map.of("RegionId", SdkClients.REGION, "ResourceType", "instance",
                "ResourceId.1", resource, "Tag.1.Key", "k", "Tag.1.Value", value));
    }
}
