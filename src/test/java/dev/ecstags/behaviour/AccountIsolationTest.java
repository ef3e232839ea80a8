package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** An account sees and changes only its own resources; a service key may act for another account. */
class AccountIsolationTest extends TagBehaviourTest {

    @Test
    void anotherAccountsResourceIsAnsweredAsOneThatDoesNotExist() {
        var alice = newAccount();
        var bob = newAccount();
        var bobs = instanceOf(bob);
        assertOk(tag(bob.key(), Parameters.instances(bobs).tags("owner", "bob")));

        assertRefused(tag(alice.key(), Parameters.instances(bobs).tags("owner", "alice")),
                404, "InvalidResourceId.NotFound");
        assertRefused(untag(alice.key(), Parameters.instances(bobs).tagKeys("owner")),
                404, "InvalidResourceId.NotFound");
        assertRefused(untag(alice.key(), Parameters.instances(bobs).with("All", "true")),
                404, "InvalidResourceId.NotFound");

        assertThat(tagsOf(bob.key(), bobs)).isEqualTo(Map.of("owner", "bob"));
    }

    @Test
    void listingNeverShowsAnotherAccountsResources() {
        var alice = newAccount();
        var bob = newAccount();
        var alices = instanceOf(alice);
        var bobs = instanceOf(bob);
        assertOk(tag(alice.key(), Parameters.instances(alices).tags("team", "alice")));
        assertOk(tag(bob.key(), Parameters.instances(bobs).tags("team", "bob")));

        assertThat(tagsOf(alice.key(), Parameters.instances(alices, bobs))).containsOnlyKeys(alices);
        assertThat(tagsOf(alice.key(), Parameters.instances(bobs))).isEmpty();
        assertThat(tagsOf(alice.key(), Parameters.anyInstance().tags("team", null))).containsOnlyKeys(alices);
        assertThat(tagsOf(alice.key(), Parameters.anyInstance().tagFilter("team", "bob"))).isEmpty();
    }

    @Test
    void aServiceKeyActsOnAnotherAccountsResourcesWithTagOwnerUidAndBid() {
        var customer = newAccount();
        var resource = instanceOf(customer);
        var service = newServiceClient();

        assertOk(tag(service, Parameters.instances(resource).owner(customer.id()).tags("managed-by", "service")));
        assertThat(tagsOf(customer.key(), resource)).isEqualTo(Map.of("managed-by", "service"));
        assertThat(tagsOf(service, Parameters.instances(resource).owner(customer.id())))
                .isEqualTo(Map.of(resource, Map.of("managed-by", "service")));

        // Without TagOwnerUid the service key acts on its own account, which has no such resource.
        assertRefused(tag(service, Parameters.instances(resource).tags("k", "v")), 404, "InvalidResourceId.NotFound");

        assertOk(untag(service, Parameters.instances(resource).owner(customer.id()).tagKeys("managed-by")));
        assertThat(tagsOf(customer.key(), resource)).isEmpty();
    }

    @Test
    void aNormalKeyMayNotNameAnotherOwner() {
        var alice = newAccount();
        var bob = newAccount();
        var bobs = instanceOf(bob);

        assertRefused(tag(alice.key(), Parameters.instances(bobs).owner(bob.id()).tags("k", "v")),
                403, "PermissionDenied.TagOwnerUid");
        assertThat(tagsOf(bob.key(), bobs)).isEmpty();
    }
}
