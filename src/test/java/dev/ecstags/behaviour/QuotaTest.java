package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** At most 20 public tags per resource, and a separate 20 for private (system) tags. */
@IntegrationTest
class QuotaTest extends TagBehaviourTest {

    @Test
    void twentyTagsFitAndTheTwentyFirstIsRefused() {
        var account = newAccount();
        var resource = instanceOf(account);

        assertOk(tag(account.key(), Parameters.instances(resource).tags(numberedTags("k", 0, 15))));
        assertOk(tag(account.key(), Parameters.instances(resource).tags(numberedTags("k", 15, 5))));
        assertRefused(tag(account.key(), Parameters.instances(resource).tags("k20", "v")),
                400, "OperationDenied.QuotaExceed");

        assertThat(tagsOf(account.key(), resource)).hasSize(20).doesNotContainKey("k20");
    }

    @Test
    void overwritingAnExistingKeyDoesNotCount() {
        var account = newAccount();
        var resource = instanceOf(account);
        assertOk(tag(account.key(), Parameters.instances(resource).tags(numberedTags("k", 0, 20))));

        assertOk(tag(account.key(), Parameters.instances(resource).tags("k00", "new", "k19", "")));
        assertRefused(tag(account.key(), Parameters.instances(resource).tags("k01", "newer", "extra", "v")),
                400, "OperationDenied.QuotaExceed");

        var tags = tagsOf(account.key(), resource);
        assertThat(tags).hasSize(20).containsEntry("k00", "new").containsEntry("k19", "").containsEntry("k01", "v1");
    }

    @Test
    void privateTagsHaveTheirOwnTwentyAndANormalKeyNeitherSeesNorRemovesThem() {
        var account = newAccount();
        var resource = instanceOf(account);
        var service = newServiceKey();
        assertOk(tag(account.key(), Parameters.instances(resource).tags(numberedTags("k", 0, 20))));

        assertOk(tag(service, Parameters.instances(resource).owner(account.id()).privateScope()
                .tags(numberedTags("acs:system:", 0, 20))));
        assertRefused(tag(service, Parameters.instances(resource).owner(account.id()).privateScope()
                .tags("acs:system:20", "v")), 400, "OperationDenied.QuotaExceed");
        assertThat(storedTags(account.id(), resource, true)).isEqualTo(20);

        // A normal key sees its 20 public tags only, by id and by tag alike.
        assertThat(tagsOf(account.key(), resource)).hasSize(20).allSatisfy((key, value) ->
                assertThat(key).startsWith("k"));
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
    void aServiceKeysPublicTagsShareTheAccountsPublicQuota() {
        var account = newAccount();
        var resource = instanceOf(account);
        var service = newServiceKey();
        assertOk(tag(account.key(), Parameters.instances(resource).tags(numberedTags("k", 0, 19))));

        assertOk(tag(service, Parameters.instances(resource).owner(account.id()).tags("by-service", "1")));
        assertRefused(tag(account.key(), Parameters.instances(resource).tags("one-more", "v")),
                400, "OperationDenied.QuotaExceed");

        assertThat(tagsOf(account.key(), resource)).hasSize(20).containsEntry("by-service", "1");
        assertThat(Map.copyOf(tagsOf(service, Parameters.instances(resource).owner(account.id()))))
                .containsOnlyKeys(resource);
    }
}
