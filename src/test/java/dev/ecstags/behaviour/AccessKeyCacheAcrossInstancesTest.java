package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ecstags.auth.AccessKeyStatus;
import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.sdk.TeaRpc;
import dev.ecstags.sdk.TeaRpc.Answer;
import dev.ecstags.support.SecondInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each instance caches AccessKeys; an admin change made on one instance holds on every instance within a second
 * (NOTIFY evicts the key everywhere), and within the cache's TTL even when the notice is lost. The second instance
 * runs with a TTL of 3 s, the first with the default 5 s: a refusal within 1 s is the notice's doing, not the TTL's.
 */
class AccessKeyCacheAcrossInstancesTest extends TagBehaviourTest {

    private static final Duration SECOND_INSTANCE_TTL = Duration.ofSeconds(3);
    private static final Duration NOTICE_DEADLINE = Duration.ofSeconds(1);
    private static final String LISTENER = "ecs-tag-service access-key listener";

    @RegisterExtension
    static final SecondInstance secondInstance = new SecondInstance(
            "--tags.access-key-cache-ttl=" + SECOND_INSTANCE_TTL.toSeconds() + "s");

    @Test
    void aDisabledKeyIsRefusedOnEveryInstanceWithinASecondAndAnEnabledOneAcceptedAgain() {
        var account = newAccount();
        var resource = instanceOf(account);
        var key = newKeyOnEachInstance(account);
        assertOk(list(key.onFirst(), Parameters.instances(resource)));
        assertOk(list(key.onSecond(), Parameters.instances(resource)));

        accessKeys.changeStatus(key.issued().accessKeyId(), AccessKeyStatus.Inactive);

        refusedWithin(NOTICE_DEADLINE, () -> list(key.onFirst(), Parameters.instances(resource)), 400,
                "InvalidAccessKeyId.Inactive");
        refusedWithin(NOTICE_DEADLINE, () -> list(key.onSecond(), Parameters.instances(resource)), 400,
                "InvalidAccessKeyId.Inactive");

        accessKeys.changeStatus(key.issued().accessKeyId(), AccessKeyStatus.Active);

        answeredWithin(NOTICE_DEADLINE, () -> list(key.onFirst(), Parameters.instances(resource)), ok(), "accepted");
        answeredWithin(NOTICE_DEADLINE, () -> list(key.onSecond(), Parameters.instances(resource)), ok(), "accepted");
    }

    @Test
    void aDeletedKeyIsRefusedOnEveryInstanceWithinASecond() {
        var account = newAccount();
        var resource = instanceOf(account);
        var key = newKeyOnEachInstance(account);
        assertOk(tag(key.onFirst(), Parameters.instances(resource).tags("k", "v")));
        assertOk(tag(key.onSecond(), Parameters.instances(resource).tags("k", "w")));

        accessKeys.delete(key.issued().accessKeyId());

        refusedWithin(NOTICE_DEADLINE, () -> untag(key.onFirst(), Parameters.instances(resource).tagKeys("k")), 404,
                "InvalidAccessKeyId.NotFound");
        refusedWithin(NOTICE_DEADLINE, () -> untag(key.onSecond(), Parameters.instances(resource).tagKeys("k")), 404,
                "InvalidAccessKeyId.NotFound");
        assertThat(tagsOf(account.key(), resource)).containsEntry("k", "w");
    }

    @Test
    void aChangeWhoseNoticeIsLostHoldsWithinTheTtl() {
        var account = newAccount();
        var resource = instanceOf(account);
        IssuedAccessKey key = accessKeys.create(account.id(), false);
        var onSecond = new TeaRpc(key, secondInstance.port());
        assertOk(list(onSecond, Parameters.instances(resource)));

        // A plain update sends no NOTIFY: only the TTL can end the cached entry.
        disableWithoutNotice(key);

        refusedWithin(SECOND_INSTANCE_TTL.plus(NOTICE_DEADLINE), () -> list(onSecond, Parameters.instances(resource)),
                400, "InvalidAccessKeyId.Inactive");
    }

    @Test
    void whenTheListeningConnectionDropsTheCacheIsClearedAndListeningResumes() {
        var account = newAccount();
        var resource = instanceOf(account);
        IssuedAccessKey silentlyDisabled = accessKeys.create(account.id(), false);
        IssuedAccessKey disabledLater = accessKeys.create(account.id(), false);
        for (var key : List.of(silentlyDisabled, disabledLater)) {
            assertOk(list(new TeaRpc(key, port), Parameters.instances(resource)));
            assertOk(list(new TeaRpc(key, secondInstance.port()), Parameters.instances(resource)));
        }
        disableWithoutNotice(silentlyDisabled);
        OffsetDateTime droppedAt = jdbc.sql("select now()").query(OffsetDateTime.class).single();

        int dropped = jdbc
                .sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")
                .param(LISTENER).query(Integer.class).single();

        assertThat(dropped).as("listening connections").isGreaterThanOrEqualTo(2);
        // Well inside both TTLs: only clearing the cache when the connection dropped explains the refusal.
        refusedWithin(NOTICE_DEADLINE, () -> list(new TeaRpc(silentlyDisabled, port), Parameters.instances(resource)),
                400, "InvalidAccessKeyId.Inactive");
        refusedWithin(NOTICE_DEADLINE, () -> list(new TeaRpc(silentlyDisabled, secondInstance.port()),
                Parameters.instances(resource)), 400, "InvalidAccessKeyId.Inactive");

        answeredWithin(Duration.ofSeconds(5), () -> jdbc.sql("""
                select count(*) from pg_stat_activity where application_name = ? and backend_start > ?""")
                .params(LISTENER, droppedAt).query(Long.class).single(), count -> count >= 2, "listening again");
        assertOk(list(new TeaRpc(disabledLater, port), Parameters.instances(resource)));
        assertOk(list(new TeaRpc(disabledLater, secondInstance.port()), Parameters.instances(resource)));
        accessKeys.changeStatus(disabledLater.accessKeyId(), AccessKeyStatus.Inactive);
        refusedWithin(NOTICE_DEADLINE, () -> list(new TeaRpc(disabledLater, secondInstance.port()),
                Parameters.instances(resource)), 400, "InvalidAccessKeyId.Inactive");
    }

    /** A new normal AccessKey of the account, as a client of each instance. */
    private KeyOnEachInstance newKeyOnEachInstance(Account account) {
        IssuedAccessKey issued = accessKeys.create(account.id(), false);
        return new KeyOnEachInstance(issued, new TeaRpc(issued, port), new TeaRpc(issued, secondInstance.port()));
    }

    private record KeyOnEachInstance(IssuedAccessKey issued, TeaRpc onFirst, TeaRpc onSecond) {
    }

    private void disableWithoutNotice(IssuedAccessKey key) {
        jdbc.sql("update access_key set status = 'Inactive' where access_key_id = ?").param(key.accessKeyId()).update();
    }

    private static void refusedWithin(Duration limit, Supplier<Answer> call, int status, String code) {
        answeredWithin(limit, call, answer -> answer.status() == status && code.equals(answer.code()),
                status + " " + code);
    }

    private static Predicate<Answer> ok() {
        return answer -> answer.status() == 200;
    }

    /** Polls until the answer is as expected; fails if it is not by the deadline. */
    private static <T> void answeredWithin(Duration limit, Supplier<T> call, Predicate<T> expected, String what) {
        Instant deadline = Instant.now().plus(limit);
        T last;
        do {
            last = call.get();
            if (expected.test(last)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        } while (Instant.now().isBefore(deadline));
        fail("not " + what + " within " + limit.toMillis() + " ms; last answer: " + last);
    }
}
