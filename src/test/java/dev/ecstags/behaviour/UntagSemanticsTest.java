package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** UntagResources as the seed describes it. */
class UntagSemanticsTest extends TagBehaviourTest {

    @Test
    void removingKeysAResourceDoesNotCarryIsANoOpEveryTime() {
        var account = newAccount();
        var resource = taggedInstanceOf(account, "keep", "1");

        assertOk(untag(account.key(), Parameters.instances(resource).tagKeys("absent", "also-absent")));
        assertOk(untag(account.key(), Parameters.instances(resource).tagKeys("absent", "also-absent")));

        assertThat(tagsOf(account.key(), resource)).isEqualTo(Map.of("keep", "1"));
    }

    @Test
    void removingAKeyTwiceSucceedsBothTimes() {
        var account = newAccount();
        var resource = taggedInstanceOf(account, "gone", "1", "keep", "2");

        assertOk(untag(account.key(), Parameters.instances(resource).tagKeys("gone")));
        assertOk(untag(account.key(), Parameters.instances(resource).tagKeys("gone")));

        assertThat(tagsOf(account.key(), resource)).isEqualTo(Map.of("keep", "2"));
    }

    @Test
    void anEmptyTagKeyMatchesNothingEvenWithAllTrue() {
        var account = newAccount();
        var resource = taggedInstanceOf(account, "a", "", "b", "2");

        assertOk(untag(account.key(), Parameters.instances(resource).tagKeys("")));
        // A key is given, so All is ignored (the seed: All has effect only when no TagKey.N is set).
        assertOk(untag(account.key(), Parameters.instances(resource).tagKeys("").with("All", "true")));

        assertThat(tagsOf(account.key(), resource)).isEqualTo(Map.of("a", "", "b", "2"));
    }

    @Test
    void allTrueWithKeysRemovesOnlyTheKeys() {
        var account = newAccount();
        var resource = taggedInstanceOf(account, "a", "1", "b", "2", "c", "3");

        assertOk(untag(account.key(), Parameters.instances(resource).tagKeys("a", "c").with("All", "true")));

        assertThat(tagsOf(account.key(), resource)).isEqualTo(Map.of("b", "2"));
    }

    @Test
    void allTrueWithoutKeysRemovesEveryTagOfEveryListedResourceAndNoOther() {
        var account = newAccount();
        var first = instanceOf(account);
        var second = instanceOf(account);
        var bystander = instanceOf(account);
        assertOk(tag(account.key(), Parameters.instances(first, second, bystander).tags("a", "1", "b", "2")));

        assertOk(untag(account.key(), Parameters.instances(first, second).with("All", "TRUE")));

        assertThat(tagsOf(account.key(), Parameters.instances(first, second, bystander)))
                .isEqualTo(Map.of(bystander, Map.of("a", "1", "b", "2")));
    }

    @Test
    void neitherKeysNorAllIsRefusedAndChangesNothing() {
        var account = newAccount();
        var resource = taggedInstanceOf(account, "a", "1");

        assertRefused(untag(account.key(), Parameters.instances(resource)), 404, "MissingParameter.Tags");
        assertRefused(untag(account.key(), Parameters.instances(resource).with("All", "false")),
                404, "MissingParameter.Tags");

        assertThat(tagsOf(account.key(), resource)).isEqualTo(Map.of("a", "1"));
    }
}
