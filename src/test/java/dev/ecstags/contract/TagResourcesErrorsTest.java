package dev.ecstags.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rows of CONTRACT.md §5 that apply to TagResources, with the seed's documented messages where the seed names
 * the code (InvalidTagValue.Malformed, InvalidTag.Mismatch and OperationDenied.QuotaExceed among them). Every
 * refused call is checked to write nothing: the account's tag rows are exactly as before. The region, type, owner and
 * scope rules, and which listed resources a write may change, are the same for other actions:
 * {@link SharedRulesErrorsTest} sends them to this one too.
 */
class TagResourcesErrorsTest extends ContractTestSupport {

    /** An instance of the key's account without tags. */
    String bare;

    @BeforeEach
    void accountWithTwoInstances() {
        anAccountWithATaggedInstance(Map.of("env", "prod"));
        bare = newInstance(key.accountId());
        watchTagRows(key.accountId(), 1);
    }

    /** Tags both instances with team=a; the test breaks one rule. */
    TestSigner.V1 tagTeam() {
        return tagResources(key).params(resourceIds(tagged, bare)).param("Tag.1.Key", "team")
                .param("Tag.1.Value", "a");
    }

    @Test
    void theUnbrokenCallTagsBoth() {
        assertSucceeded(tagTeam().send());

        assertThat(tagRows(key.accountId())).hasSize(3);
    }

    @Nested
    class ResourceIds {

        @Test
        void missingResourceIds() {
            assertRefused(tagResources(key).param("Tag.1.Key", "team").send(), Documented.MISSING_RESOURCE_IDS);
        }

        @Test
        void fiftyOneIds() {
            List<String> ids = new ArrayList<>(List.of(tagged, bare));
            ids.addAll(register(key.accountId(), REGION, TYPE, true, 49));

            assertRefused(tagResources(key).params(resourceIds(ids)).param("Tag.1.Key", "team").send(),
                    Documented.NUMBER_EXCEED_RESOURCE_IDS);
        }

        @Test
        void fiftyOneIdsOfWhichTwoAreTheSame() {
            List<String> ids = new ArrayList<>(List.of(tagged, bare, bare));
            ids.addAll(register(key.accountId(), REGION, TYPE, true, 48));

            assertRefused(tagResources(key).params(resourceIds(ids)).param("Tag.1.Key", "team").send(),
                    Documented.NUMBER_EXCEED_RESOURCE_IDS);
        }

        @Test
        void anIndexAboveFifty() {
            assertRefused(tagResources(key).param("ResourceId.51", bare).param("Tag.1.Key", "team").send(),
                    Documented.NUMBER_EXCEED_RESOURCE_IDS);
        }
    }

    @Nested
    class Tags {

        @Test
        void missingTags() {
            assertRefused(tagResources(key).params(resourceIds(tagged, bare)).send(), Documented.MISSING_TAGS);
        }

        @Test
        void twentyOneTags() {
            assertRefused(tagResources(key).param("ResourceId.1", bare).params(tags(numberedTags("k", 21))).send(),
                    Documented.NUMBER_EXCEED_TAGS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Tag.0.Key", "Tag.21.Key", "Tag.100.Key"})
        void anIndexOutsideOneToTwenty(String name) {
            assertRefused(tagResources(key).param("ResourceId.1", bare).param(name, "team").send(),
                    Documented.INVALID_TAG_COUNT);
        }

        @Test
        void anIndexOutsideBesideValidOnes() {
            assertRefused(tagTeam().param("Tag.21.Key", "x").param("Tag.21.Value", "y").send(),
                    Documented.INVALID_TAG_COUNT);
        }

        @Test
        void duplicateKey() {
            assertRefused(tagTeam().param("Tag.2.Key", "team").param("Tag.2.Value", "b").send(),
                    Documented.DUPLICATE_TAG_KEY);
        }
    }

    @Nested
    class InvalidTagKeyMalformed {

        @ParameterizedTest
        @ValueSource(strings = {"aliyun", "aliyunTeam", "ALIYUN:x", "Aliyun-x", "acs:", "acs:rm:rgId", "ACS:x",
                "Acs:x", "see http://example.com", "https://example.com"})
        void aKeyBreakingTheRules(String tagKey) {
            assertRefused(tagTeam().param("Tag.2.Key", tagKey).send(), Documented.INVALID_TAG_KEY);
        }

        @Test
        void aKeyOf129Characters() {
            assertRefused(tagTeam().param("Tag.2.Key", "k".repeat(129)).send(), Documented.INVALID_TAG_KEY);
        }

        @Test
        void anEmptyKey() {
            assertRefused(tagTeam().param("Tag.2.Key", "").param("Tag.2.Value", "v").send(),
                    Documented.INVALID_TAG_KEY);
        }

        @Test
        void aKeyOf128CharactersAndAValueOf128AreAccepted() {
            assertSucceeded(tagTeam().param("Tag.2.Key", "k".repeat(128)).param("Tag.2.Value", "v".repeat(128))
                    .send());
            assertThat(tagRows(key.accountId())).hasSize(5);
        }

        @Test
        void aServiceKeyMayWriteReservedPrefixesPrivately() {
            assertSucceeded(tagResources(newServiceKey()).param("TagOwnerUid", key.accountId())
                    .param("TagOwnerBid", BID).param("Scope", "private").param("ResourceId.1", bare)
                    .params(tags(Map.of("aliyun:x", "acs:1", "acs:y", "2"))).send());
            assertThat(tagRows(key.accountId())).hasSize(3);
        }
    }

    @Nested
    class InvalidTagValueMalformed {

        @ParameterizedTest
        @ValueSource(strings = {"acs:x", "ACS:x", "Acs:", "see http://example.com", "https://example.com"})
        void aValueBreakingTheRules(String value) {
            assertRefused(tagTeam().param("Tag.2.Key", "other").param("Tag.2.Value", value).send(),
                    Documented.INVALID_TAG_VALUE);
        }

        @Test
        void aValueOf129Characters() {
            assertRefused(tagTeam().param("Tag.1.Value", "v".repeat(129)).send(), Documented.INVALID_TAG_VALUE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "aliyun", "xacs:", "http", "acs"})
        void valuesWithinTheRulesAreAccepted(String value) {
            assertSucceeded(tagTeam().param("Tag.1.Value", value).send());
            assertThat(tagRows(key.accountId())).contains("cn-hangzhou/instance/" + bare + " team=" + value);
        }
    }

    @Nested
    class InvalidTagMismatch {

        @Test
        void aValueWithoutAnyKey() {
            assertRefused(tagResources(key).param("ResourceId.1", bare).param("Tag.1.Value", "a").send(),
                    Documented.TAG_MISMATCH);
        }

        @Test
        void aValueWithoutItsKeyBesideAFullTag() {
            assertRefused(tagTeam().param("Tag.2.Value", "b").send(), Documented.TAG_MISMATCH);
        }

        @Test
        void aKeyWithoutValueIsAnEmptyValue() {
            assertSucceeded(tagResources(key).param("ResourceId.1", bare).param("Tag.1.Key", "team").send());
            assertThat(tagRows(key.accountId())).contains("cn-hangzhou/instance/" + bare + " team=");
        }
    }

    @Nested
    class OperationDeniedQuotaExceed {

        @BeforeEach
        void fillTheTaggedInstance() {
            // env=prod and nineteen more: twenty public tags.
            tagPublicly(key, List.of(tagged), numberedTags("k", 19));
            watchTagRows(key.accountId(), 20);
        }

        @Test
        void oneNewKeyOnAFullResource() {
            assertRefused(tagResources(key).param("ResourceId.1", tagged).param("Tag.1.Key", "one-more").send(),
                    Documented.QUOTA_EXCEEDED);
        }

        @Test
        void aBatchOverQuotaOnOneResourceWritesNothingOnTheOthers() {
            assertRefused(tagTeam().send(), Documented.QUOTA_EXCEEDED);
            assertThat(tagRows(key.accountId())).noneMatch(row -> row.contains(bare));
        }

        @Test
        void newKeysThatWouldPassTwentyTogether() {
            var nineteen = numberedTags("n", 19);
            assertSucceeded(tagResources(key).param("ResourceId.1", bare).params(tags(nineteen)).send());
            watchTagRows(key.accountId());

            assertRefused(tagResources(key).param("ResourceId.1", bare).params(tags(Map.of("a", "1", "b", "2")))
                    .send(), Documented.QUOTA_EXCEEDED);
        }

        @Test
        void overwritingAKeyOfAFullResourceDoesNotCount() {
            var values = new LinkedHashMap<String, String>();
            values.put("env", "test");
            values.put("k1", "changed");

            assertSucceeded(tagResources(key).param("ResourceId.1", tagged).params(tags(values)).send());
            assertThat(tagRows(key.accountId())).hasSize(20)
                    .contains("cn-hangzhou/instance/" + tagged + " env=test");
        }

        @Test
        void privateTagsDoNotCountTowardThePublicQuota() {
            tagPrivately(key.accountId(), List.of(bare), numberedTags("sys", 5));

            assertSucceeded(tagResources(key).param("ResourceId.1", bare).params(tags(numberedTags("p", 20))).send());
        }

        @Test
        void privateTagsHaveTheirOwnLimitOfTwenty() {
            tagPrivately(key.accountId(), List.of(bare), numberedTags("sys", 20));
            watchTagRows(key.accountId());

            var response = tagResources(newServiceKey()).param("TagOwnerUid", key.accountId())
                    .param("TagOwnerBid", BID).param("Scope", "private").param("ResourceId.1", bare)
                    .param("Tag.1.Key", "sys21").send();

            assertRefused(response, Documented.QUOTA_EXCEEDED);
        }
    }

    @Nested
    class InvalidResourceIdNotFound {

        @Test
        void unknownId() {
            assertRefused(tagTeam().param("ResourceId.2", TestIds.instance()).send(), Documented.RESOURCE_NOT_FOUND);
        }

        @Test
        void anotherAccountsResource() {
            var other = newNormalKey();
            String theirs = newInstance(other.accountId());

            assertRefused(tagTeam().param("ResourceId.3", theirs).send(), Documented.RESOURCE_NOT_FOUND);
            assertThat(tagRows(other.accountId())).isEmpty();
        }
    }

    @Nested
    class NoPermissionTag {

        @BeforeEach
        void privateTagOnTheBareInstance() {
            tagPrivately(key.accountId(), List.of(bare), Map.of("team", "platform"));
            watchTagRows(key.accountId(), 2);
        }

        @Test
        void aNormalKeyWritesAKeyTheResourceCarriesPrivately() {
            // team is private on the bare instance: neither instance gets a public team tag.
            assertRefused(tagTeam().send(), Documented.NO_PERMISSION_TAG);
        }

        @Test
        void aPrivateScopeWritesAKeyTheResourceCarriesPublicly() {
            assertRefused(tagResources(newServiceKey()).param("TagOwnerUid", key.accountId())
                    .param("TagOwnerBid", BID).param("Scope", "private").params(resourceIds(tagged, bare))
                    .params(tags(Map.of("env", "system"))).send(), Documented.NO_PERMISSION_TAG);
        }
    }

    @Nested
    class InvalidParameter {

        @ParameterizedTest
        @ValueSource(strings = {"Tag.x.Key", "Tag.x.Value", "Tag.first.Key"})
        void aMalformedTagIndex(String name) {
            assertRefused(tagTeam().param(name, "v").send(), 400, "InvalidParameter");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ResourceId.x", "ResourceId.0"})
        void aMalformedResourceIdIndex(String name) {
            assertRefused(tagTeam().param(name, bare).send(), 400, "InvalidParameter");
        }
    }
}
