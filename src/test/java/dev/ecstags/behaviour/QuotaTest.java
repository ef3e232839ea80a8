package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** At most 20 public tags per resource; an overwrite does not count. */
class QuotaTest extends TagBehaviourTest {

    @Test
    void twentyTagsFitAndTheTwentyFirstIsRefused() {
        var account = newAccount();
        var resource = taggedInstanceOf(account, numberedTags("k", 0, 15));
        assertOk(tag(account.key(), Parameters.instances(resource).tags(numberedTags("k", 15, 5))));
        assertRefused(tag(account.key(), Parameters.instances(resource).tags("k20", "v")),
                400, "OperationDenied.QuotaExceed");

        assertThat(tagsOf(account.key(), resource)).hasSize(20).doesNotContainKey("k20");
    }

    @Test
    void overwritingAnExistingKeyDoesNotCount() {
        var account = newAccount();
        var resource = taggedInstanceOf(account, numberedTags("k", 0, 20));

        assertOk(tag(account.key(), Parameters.instances(resource).tags("k00", "new", "k19", "")));
        assertRefused(tag(account.key(), Parameters.instances(resource).tags("k01", "newer", "extra", "v")),
                400, "OperationDenied.QuotaExceed");

        var tags = tagsOf(account.key(), resource);
        assertThat(tags).hasSize(20).containsEntry("k00", "new").containsEntry("k19", "").containsEntry("k01", "v1");
    }

    @Test
    void aServiceKeysPublicTagsShareTheAccountsPublicQuota() {
        var account = newAccount();
        var resource = taggedInstanceOf(account, numberedTags("k", 0, 19));
        var service = newServiceClient();

        assertOk(tag(service, Parameters.instances(resource).owner(account.id()).tags("by-service", "1")));
        assertRefused(tag(account.key(), Parameters.instances(resource).tags("one-more", "v")),
                400, "OperationDenied.QuotaExceed");

        assertThat(tagsOf(account.key(), resource)).hasSize(20).containsEntry("by-service", "1");
        assertThat(tagsOf(service, Parameters.instances(resource).owner(account.id())))
                .containsOnlyKeys(resource);
    }
}
