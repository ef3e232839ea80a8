package dev.ecstags.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.RpcResponse;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The rows of CONTRACT.md §5 that apply to ListTagResources: the shared parameter rules, its selectors
 * (InvalidParameter for Tag with TagFilter, MissParameter.TagOrResourceId) and Invalid.NextToken. The region, type,
 * owner and scope rules, the same for every action on resources, are in {@link SharedRulesErrorsTest}.
 */
class ListTagResourcesErrorsTest extends ContractTestSupport {

    @BeforeEach
    void accountWithATaggedInstance() {
        anAccountWithATaggedInstance(Map.of("env", "prod"));
    }

    TestSigner.V1 listTagged() {
        return listTagResources(key).param("ResourceId.1", tagged);
    }

    static JsonNode entries(RpcResponse response) {
        return response.tree().get("TagResources").get("TagResource");
    }

    @Test
    void theUnbrokenCallListsTheTag() {
        var response = listTagged().send();

        assertSucceeded(response);
        assertThat(entries(response)).hasSize(1);
    }

    @Nested
    class ResourceIds {

        @Test
        void fiftyOneIds() {
            assertError(listTagResources(key).params(resourceIds(oneIdTooMany(tagged))).send(),
                    Documented.NUMBER_EXCEED_RESOURCE_IDS);
        }

        @Test
        void fiftyOneIdsOfWhichTwoAreTheSame() {
            assertError(listTagResources(key).params(resourceIds(oneIdTooMany(tagged, tagged))).send(),
                    Documented.NUMBER_EXCEED_RESOURCE_IDS);
        }

        @Test
        void anIndexAboveFifty() {
            assertError(listTagResources(key).param("ResourceId.51", tagged).send(),
                    Documented.NUMBER_EXCEED_RESOURCE_IDS);
        }

        @Test
        void unknownIdsYieldNoEntriesRatherThanAnError() {
            var response = listTagResources(key).params(resourceIds(TestIds.instance(), TestIds.instance())).send();

            assertSucceeded(response);
            assertThat(entries(response)).isEmpty();
            assertThat(response.field("NextToken")).isEmpty();
        }
    }

    @Nested
    class Tags {

        @Test
        void twentyOneTags() {
            assertError(listTagResources(key).params(tags(numberedTags("k", 21))).send(),
                    Documented.NUMBER_EXCEED_TAGS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Tag.0.Key", "Tag.21.Key"})
        void anIndexOutsideOneToTwenty(String name) {
            assertError(listTagResources(key).param(name, "env").send(), Documented.INVALID_TAG_COUNT);
        }

        @Test
        void duplicateKey() {
            assertError(listTagResources(key).param("Tag.1.Key", "env").param("Tag.2.Key", "env").send(),
                    Documented.DUPLICATE_TAG_KEY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "see http://example.com"})
        void aKeyBreakingTheRules(String tagKey) {
            assertError(listTagResources(key).param("Tag.1.Key", tagKey).send(), Documented.INVALID_TAG_KEY);
        }

        @Test
        void aKeyOf129Characters() {
            assertError(listTagResources(key).param("Tag.1.Key", "k".repeat(129)).send(), Documented.INVALID_TAG_KEY);
        }

        @Test
        void aValueOf129Characters() {
            assertError(listTagResources(key).param("Tag.1.Key", "env").param("Tag.1.Value", "v".repeat(129)).send(),
                    Documented.INVALID_TAG_VALUE);
        }

        @Test
        void aValueWithoutItsKey() {
            assertError(listTagResources(key).param("Tag.1.Value", "prod").send(), Documented.TAG_MISMATCH);
        }

        @Test
        void aValueWithoutItsKeyBesideAFullTag() {
            assertError(listTagResources(key).param("Tag.1.Key", "env").param("Tag.2.Value", "prod").send(),
                    Documented.TAG_MISMATCH);
        }
    }

    @Nested
    class Selectors {

        @Test
        void tagWithTagFilter() {
            var response = listTagResources(key).param("Tag.1.Key", "env").param("TagFilter.1.TagKey", "env*")
                    .send();

            assertError(response, 400, "InvalidParameter");
        }

        @Test
        void tagWithTagFilterBesideResourceIds() {
            var response = listTagged().param("Tag.1.Key", "env").param("TagFilter.1.TagKey", "env")
                    .param("TagFilter.1.TagValues.1", "prod").send();

            assertError(response, 400, "InvalidParameter");
        }

        @Test
        void noSelectorAtAll() {
            assertError(listTagResources(key).send(), 400, "MissParameter.TagOrResourceId");
        }

        @Test
        void onlyANextToken() {
            assertError(listTagResources(key).param("NextToken", "abc").send(), 400,
                    "MissParameter.TagOrResourceId");
        }
    }

    @Nested
    class InvalidNextToken {

        List<String> ids;
        String token;

        @BeforeEach
        void sixtyEntries() {
            ids = register(key.accountId(), REGION, TYPE, true, 3);
            tagPublicly(key, ids, numberedTags("k", 20));
            var firstPage = listTagResources(key).params(resourceIds(ids)).send();
            assertSucceeded(firstPage);
            assertThat(entries(firstPage)).hasSize(50);
            token = firstPage.field("NextToken");
            assertThat(token).isNotEmpty();
        }

        @Test
        void theIssuedTokenGivesTheRest() {
            var secondPage = listTagResources(key).params(resourceIds(ids)).param("NextToken", token).send();

            assertSucceeded(secondPage);
            assertThat(entries(secondPage)).hasSize(10);
            assertThat(secondPage.field("NextToken")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"garbage", "abc.def", ".", "....", "%%%", "0123456789abcdef0123456789abcdef",
                "eyJyZXNvdXJjZSI6ImktMSJ9"})
        void garbage(String nextToken) {
            assertError(listTagResources(key).params(resourceIds(ids)).param("NextToken", nextToken).send(), 400,
                    "Invalid.NextToken");
        }

        @Test
        void tamperedInTheMiddle() {
            // Not a segment's last character, whose low bits may be padding that decodes to the same bytes.
            int middle = token.length() / 2;
            while (token.charAt(middle) == '.' || token.charAt(middle + 1) == '.') {
                middle--;
            }
            char flipped = token.charAt(middle) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, middle) + flipped + token.substring(middle + 1);

            assertError(listTagResources(key).params(resourceIds(ids)).param("NextToken", tampered).send(), 400,
                    "Invalid.NextToken");
        }

        @Test
        void tamperedAtTheStart() {
            char flipped = token.charAt(0) == 'A' ? 'B' : 'A';

            assertError(listTagResources(key).params(resourceIds(ids)).param("NextToken", flipped + token.substring(1))
                    .send(), 400, "Invalid.NextToken");
        }

        @Test
        void truncated() {
            assertError(listTagResources(key).params(resourceIds(ids))
                    .param("NextToken", token.substring(0, token.length() - 2)).send(), 400, "Invalid.NextToken");
        }

        @Test
        void issuedForOtherResourceIds() {
            assertError(listTagResources(key).params(resourceIds(ids.get(0), ids.get(1))).param("NextToken", token)
                    .send(), 400, "Invalid.NextToken");
        }

        @Test
        void issuedWithoutATagSelector() {
            assertError(listTagResources(key).params(resourceIds(ids)).param("Tag.1.Key", "k1")
                    .param("NextToken", token).send(), 400, "Invalid.NextToken");
        }

        @Test
        void issuedForAnotherResourceType() {
            assertError(listTagResources(key).param("ResourceType", "disk").params(resourceIds(ids))
                    .param("NextToken", token).send(), 400, "Invalid.NextToken");
        }

        @Test
        void issuedToAnotherAccountForItsOwnResources() {
            var other = newNormalKey();
            var otherIds = register(other.accountId(), REGION, TYPE, true, 3);
            tagPublicly(other, otherIds, numberedTags("k", 20));
            String otherToken = listTagResources(other).params(resourceIds(otherIds)).send().field("NextToken");
            assertThat(otherToken).isNotEmpty();

            assertError(listTagResources(key).params(resourceIds(ids)).param("NextToken", otherToken).send(), 400,
                    "Invalid.NextToken");
        }

        @Test
        void issuedToAnotherAccountForTheSameIds() {
            // Another account presents this account's token and ids: refused, never a page of this account's tags.
            var response = listTagResources(newNormalKey()).params(resourceIds(ids)).param("NextToken", token).send();

            assertError(response, 400, "Invalid.NextToken");
        }
    }

    @Nested
    class InvalidParameter {

        @ParameterizedTest
        @ValueSource(strings = {"ResourceId.x", "ResourceId.0", "Tag.x.Key", "TagFilter.x.TagKey",
                "TagFilter.1.TagValues.x"})
        void aMalformedIndex(String name) {
            assertError(listTagged().param(name, "env").send(), 400, "InvalidParameter");
        }
    }
}
