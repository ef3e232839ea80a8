package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.sdk.TeaRpc;
import dev.ecstags.sdk.TeaRpc.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parallel calls on one resource: the quota holds, and nobody gets a 5xx for having raced. */
class ConcurrencyTest extends TagBehaviourTest {

    private static final int THREADS = 8;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void parallelTaggingNeverLeavesMoreThanTwentyTags() throws Exception {
        var account = newAccount();
        var resource = taggedInstanceOf(account, numberedTags("existing-", 0, 5));
        // Room for 15 more: of 8 calls of 3 new keys each, exactly 5 fit, whatever the interleaving.
        var keys = keysOf(account);

        List<Answer> answers = inParallel(thread -> () -> tag(keys.get(thread),
                Parameters.instances(resource).tags(numberedTags("thread" + thread + "-", 0, 3))));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isLessThan(500));
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(answer -> assertRefused(answer, 400, "OperationDenied.QuotaExceed"));
        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(5);
        assertThat(storedTags(account.id(), resource, false)).isEqualTo(20);
        assertThat(tagsOf(account.key(), resource)).hasSize(20);
    }

    @Test
    void parallelBatchesOverTheSameResourcesInOppositeOrdersAllSucceed() throws Exception {
        var account = newAccount();
        var first = instanceOf(account);
        var second = instanceOf(account);
        var keys = keysOf(account);

        List<Answer> answers = inParallel(thread -> () -> tag(keys.get(thread),
                (thread % 2 == 0 ? Parameters.instances(first, second) : Parameters.instances(second, first))
                        .tags("thread" + thread, "v", "shared", "from " + thread)));

        assertThat(answers).allSatisfy(TagBehaviourTest::assertOk);
        assertThat(tagsOf(account.key(), first)).hasSize(THREADS + 1);
        assertThat(tagsOf(account.key(), second)).hasSize(THREADS + 1);
    }

    /** One key per thread, as separate clients would have; they share the account. */
    private List<TeaRpc> keysOf(Account account) {
        var keys = new ArrayList<TeaRpc>();
        for (int i = 0; i < THREADS; i++) {
            keys.add(new TeaRpc(accessKeys.create(account.id(), false), port));
        }
        return keys;
    }

    /** Starts every call at once and waits for all their answers. */
    private List<Answer> inParallel(IntFunction<Callable<Answer>> call) throws Exception {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<Answer>>();
        for (int thread = 0; thread < THREADS; thread++) {
            Callable<Answer> task = call.apply(thread);
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        var answers = new ArrayList<Answer>();
        for (var future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
