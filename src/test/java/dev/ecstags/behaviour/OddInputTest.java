package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.sdk.TeaRpc.Answer;
import dev.ecstags.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inputs no resource or tag can match (longer than any stored id, or with a NUL PostgreSQL cannot hold) are
 * answered like any other unknown id or malformed key, never as a fault of the service.
 */
@IntegrationTest
class OddInputTest extends TagBehaviourTest {

    private static final String TOO_LONG_ID = "i-" + "x".repeat(298);
    private static final String NUL = "\u0000";

    @Test
    void aResourceIdLongerThanAnyStoredOneIsNotFound() {
        var account = newAccount();
        var resource = instanceOf(account);

        assertRefused(tag(account.key(), Parameters.instances(resource, TOO_LONG_ID).tags("k", "v")),
                404, "InvalidResourceId.NotFound");
        assertRefused(untag(account.key(), Parameters.instances(TOO_LONG_ID).tagKeys("k")),
                404, "InvalidResourceId.NotFound");
        assertThat(tagsOf(account.key(), Parameters.instances(TOO_LONG_ID))).isEmpty();
        assertThat(tagsOf(account.key(), resource)).isEmpty();
    }

    /**
     * The contract names the answer for an id no resource has (NotFound; no entries in a listing) and for a key no
     * resource carries (Untag: a no-op). It names no rule for a NUL in a new key or value: there it demands only a
     * refusal of the input (InvalidTagKey/InvalidTagValue.Malformed would fit), not a 500.
     */
    @Test
    void aNulInAResourceIdTagKeyOrValueIsAnsweredAsBadInputNotAsAFault() {
        var account = newAccount();
        var resource = instanceOf(account);
        var idWithNul = "i-abc" + NUL + "def";

        var answers = new LinkedHashMap<String, String>();
        answers.put("Tag ResourceId", describe(tag(account.key(), Parameters.instances(resource, idWithNul)
                .tags("k", "v"))));
        answers.put("Untag ResourceId", describe(untag(account.key(), Parameters.instances(idWithNul).tagKeys("k"))));
        answers.put("List ResourceId", describe(list(account.key(), Parameters.instances(idWithNul))));
        answers.put("Untag key", describe(untag(account.key(), Parameters.instances(resource).tagKeys("k" + NUL))));
        answers.put("Tag key", statusClass(tag(account.key(), Parameters.instances(resource).tags("k" + NUL, "v"))));
        answers.put("Tag value", statusClass(tag(account.key(), Parameters.instances(resource).tags("k", "v" + NUL))));
        answers.put("List Tag key", notAFault(list(account.key(), Parameters.anyInstance().tags("k" + NUL, null))));

        assertThat(answers).isEqualTo(Map.of(
                "Tag ResourceId", "404 InvalidResourceId.NotFound",
                "Untag ResourceId", "404 InvalidResourceId.NotFound",
                "List ResourceId", "200",
                "Untag key", "200",
                "Tag key", "4xx",
                "Tag value", "4xx",
                "List Tag key", "not a fault"));
        assertThat(tagsOf(account.key(), resource)).isEmpty();
    }

    private static String notAFault(Answer answer) {
        return answer.status() >= 500 ? describe(answer) : "not a fault";
    }

    private static String statusClass(Answer answer) {
        if (answer.status() >= 500) {
            return describe(answer);
        }
        return answer.status() >= 400 ? "4xx" : "2xx";
    }

    private static String describe(Answer answer) {
        return answer.code() == null ? Integer.toString(answer.status()) : answer.status() + " " + answer.code();
    }
}
