package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request that fails changes nothing, on any of the resources it lists. */
class AllOrNothingTest extends TagBehaviourTest {

    @Test
    void anUntagBatchWithOneUnknownIdLeavesEveryTag() {
        var account = newAccount();
        var first = instanceOf(account);
        var second = instanceOf(account);
        assertOk(tag(account.key(), Parameters.instances(first, second).tags("a", "1", "b", "2")));

        assertRefused(untag(account.key(), Parameters.instances(first, "i-unknown0000000001", second).tagKeys("a")),
                404, "InvalidResourceId.NotFound");
        assertRefused(untag(account.key(), Parameters.instances(first, second, "i-unknown0000000001")
                .with("All", "true")), 404, "InvalidResourceId.NotFound");

        var untouched = Map.of("a", "1", "b", "2");
        assertThat(tagsOf(account.key(), Parameters.instances(first, second)))
                .isEqualTo(Map.of(first, untouched, second, untouched));
    }

    @Test
    void aTagBatchThatWouldExceedTheQuotaOnOneResourceWritesNothingOnTheOthers() {
        var account = newAccount();
        var nearlyFull = taggedInstanceOf(account, numberedTags("k", 0, 19));
        var empty = instanceOf(account);
        var someTags = taggedInstanceOf(account, "a", "old");

        // The overwrite of "a" on someTags and the new tags on empty must not land either.
        assertRefused(tag(account.key(), Parameters.instances(empty, someTags, nearlyFull)
                .tags("a", "new", "b", "new")), 400, "OperationDenied.QuotaExceed");

        assertThat(tagsOf(account.key(), empty)).isEmpty();
        assertThat(tagsOf(account.key(), someTags)).isEqualTo(Map.of("a", "old"));
        assertThat(tagsOf(account.key(), nearlyFull)).hasSize(19).doesNotContainKeys("a", "b");
    }

    @Test
    void aTagBatchWithOneUnknownIdWritesNothing() {
        var account = newAccount();
        var known = instanceOf(account);

        assertRefused(tag(account.key(), Parameters.instances(known, "i-unknown0000000002").tags("a", "1")),
                404, "InvalidResourceId.NotFound");

        assertThat(tagsOf(account.key(), known)).isEmpty();
    }
}
