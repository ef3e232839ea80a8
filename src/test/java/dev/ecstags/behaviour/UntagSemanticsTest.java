package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** UntagResources as the seed describes it. */
class UntagSemanticsTest extends TagBehaviourTest {

    /** Removing keys succeeds every time: keys the resource does not carry are a no-op, and so is a second removal. */
    @ParameterizedTest(name = "tags {0}, removing {1} twice leaves {2}")
    @MethodSource
    void removingTheSameKeysTwiceSucceedsBothTimes(List<String> keysAndValues, List<String> keys,
            Map<String, String> left) {
        var account = newAccount();
        var resource = taggedInstanceOf(account, keysAndValues.toArray(String[]::new));
        var removal = Parameters.instances(resource).tagKeys(keys.toArray(String[]::new));

        assertOk(untag(account.key(), removal));
        assertOk(untag(account.key(), removal));

        assertThat(tagsOf(account.key(), resource)).isEqualTo(left);
    }

    static Stream<Arguments> removingTheSameKeysTwiceSucceedsBothTimes() {
        return Stream.of(
                arguments(List.of("keep", "1"), List.of("absent", "also-absent"), Map.of("keep", "1")),
                arguments(List.of("gone", "1", "keep", "2"), List.of("gone"), Map.of("keep", "2")));
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
