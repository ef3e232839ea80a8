package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Private (system) tags, written by service keys with Scope=private: a quota of their own, and out of a normal
 * key's sight and reach.
 */
class PrivateTagsTest extends TagBehaviourTest {

    @Test
    void privateTagsHaveTheirOwnTwentyAndANormalKeyNeitherSeesNorRemovesThem() {
        var account = newAccount();
        var resource = taggedInstanceOf(account, numberedTags("k", 0, 20));
        var service = newServiceClient();

        assertOk(tag(service, Parameters.instances(resource).owner(account.id()).privateScope()
                .tags(numberedTags("acs:system:", 0, 20))));
        assertRefused(tag(service, Parameters.instances(resource).owner(account.id()).privateScope()
                .tags("acs:system:20", "v")), 400, "OperationDenied.QuotaExceed");
        assertThat(storedTags(account.id(), resource, true)).isEqualTo(20);

        // A normal key sees its 20 public tags only, by id and by tag alike.
        assertThat(tagsOf(account.key(), resource)).hasSize(20)
                .allSatisfy((key, value) -> assertThat(key).startsWith("k"));
        assertThat(tagsOf(account.key(), Parameters.anyInstance().tagFilter("*system*"))).isEmpty();

        assertOk(untag(account.key(), Parameters.instances(resource).with("All", "true")));

        assertThat(tagsOf(account.key(), resource)).isEmpty();
        assertThat(storedTags(account.id(), resource, true)).isEqualTo(20);
        assertThat(tagsOf(service, Parameters.instances(resource).owner(account.id()).privateScope()))
                .containsOnlyKeys(resource)
                .hasEntrySatisfying(resource, tags -> assertThat(tags).hasSize(20)
                        .containsEntry("acs:system:00", "v0"));
    }

    @Test
    void aKeyCarriedPrivatelyCanNeitherBeWrittenNorRemovedAsAPublicOne() {
        var account = newAccount();
        var resource = instanceOf(account);
        var service = newServiceClient();
        assertOk(tag(service, Parameters.instances(resource).owner(account.id()).privateScope()
                .tags("billing", "internal")));

        assertRefused(tag(account.key(), Parameters.instances(resource).tags("billing", "mine")),
                403, "NoPermission.Tag");
        assertRefused(untag(account.key(), Parameters.instances(resource).tagKeys("billing")),
                403, "NoPermission.Tag");
        assertRefused(tag(service, Parameters.instances(resource).owner(account.id()).tags("billing", "public")),
                403, "NoPermission.Tag");

        assertThat(tagsOf(account.key(), resource)).isEmpty();
        assertThat(tagsOf(service, Parameters.instances(resource).owner(account.id()).privateScope()))
                .isEqualTo(Map.of(resource, Map.of("billing", "internal")));
    }

    @Test
    void aNormalKeyMayNotAskForAScope() {
        var account = newAccount();
        var resource = instanceOf(account);

        assertRefused(tag(account.key(), Parameters.instances(resource).privateScope().tags("k", "v")),
                403, "PermissionDenied.Scope");
        assertRefused(list(account.key(), Parameters.instances(resource).privateScope()),
                403, "PermissionDenied.Scope");
        assertThat(tagsOf(account.key(), resource)).isEmpty();
    }
}
