package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A NextToken continues the listing it was issued for, and no other. */
class NextTokenTest extends TagBehaviourTest {

    private Account account;
    private List<String> resources;
    private String token;

    @BeforeEach
    void listAFirstPage() {
        account = newAccount();
        resources = List.of(instanceOf(account), instanceOf(account), instanceOf(account));
        assertOk(tag(account.key(), Parameters.instances(resources).tags(numberedTags("k", 0, 20))));
        var first = list(account.key(), Parameters.instances(resources));
        assertOk(first);
        assertThat(first.tagResources()).hasSize(50);
        token = first.nextToken();
        assertThat(token).isNotEmpty();
    }

    @Test
    void theTokenContinuesItsOwnListing() {
        var second = list(account.key(), Parameters.instances(resources).with("NextToken", token));

        assertOk(second);
        assertThat(second.tagResources()).hasSize(10)
                .allSatisfy(entry -> assertThat(entry.get("ResourceId")).isEqualTo(resources.get(2)));
        assertThat(second.nextToken()).isEmpty();
    }

    @Test
    void theTokenWithOtherParametersIsRefused() {
        assertRefused(list(account.key(), Parameters.instances(resources.get(0), resources.get(2))
                .with("NextToken", token)), 400, "Invalid.NextToken");
        assertRefused(list(account.key(), Parameters.instances(resources).tags("k00", null)
                .with("NextToken", token)), 400, "Invalid.NextToken");
        assertRefused(list(account.key(), Parameters.instances(resources).with("ResourceType", "disk")
                .with("NextToken", token)), 400, "Invalid.NextToken");
    }

    @Test
    void anotherAccountCannotUseTheToken() {
        var other = newAccount();

        assertRefused(list(other.key(), Parameters.instances(resources).with("NextToken", token)),
                400, "Invalid.NextToken");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

        assertRefused(list(account.key(), Parameters.instances(resources).with("NextToken", tampered)),
                400, "Invalid.NextToken");
        assertRefused(list(account.key(), Parameters.instances(resources).with("NextToken", "garbage")),
                400, "Invalid.NextToken");
    }
}
