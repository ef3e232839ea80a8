package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.sdk.TeaRpc.Answer;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/**
 * Inputs no resource or tag can match (longer than any stored id, or with a NUL PostgreSQL cannot hold) are
 * answered as an unknown id or a malformed value, never as a fault of the service.
 */
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
     * PostgreSQL cannot hold a NUL, so no id, key or value with one can exist: the service refuses such a parameter
     * as a malformed value (InvalidParameter, ranked after the signature checks), whichever action and parameter.
     */
    @Test
    void aNulInAResourceIdTagKeyOrValueIsAMalformedValueNotAFault() {
        var account = newAccount();
        var resource = instanceOf(account);
        var idWithNul = "i-abc" + NUL + "def";

        var answers = new LinkedHashMap<String, String>();
        answers.put("Tag ResourceId", describe(tag(account.key(), Parameters.instances(resource, idWithNul)
                .tags("k", "v"))));
        answers.put("Untag ResourceId", describe(untag(account.key(), Parameters.instances(idWithNul).tagKeys("k"))));
        answers.put("List ResourceId", describe(list(account.key(), Parameters.instances(idWithNul))));
        answers.put("Untag key", describe(untag(account.key(), Parameters.instances(resource).tagKeys("k" + NUL))));
        answers.put("Tag key", describe(tag(account.key(), Parameters.instances(resource).tags("k" + NUL, "v"))));
        answers.put("Tag value", describe(tag(account.key(), Parameters.instances(resource).tags("k", "v" + NUL))));
        answers.put("List Tag key", describe(list(account.key(), Parameters.anyInstance().tags("k" + NUL, null))));

        assertThat(answers).allSatisfy((call, answer) -> assertThat(answer).as(call).isEqualTo("400 InvalidParameter"));
        assertThat(tagsOf(account.key(), resource)).isEmpty();
    }

    private static String describe(Answer answer) {
        return answer.code() == null ? Integer.toString(answer.status()) : answer.status() + " " + answer.code();
    }
}
