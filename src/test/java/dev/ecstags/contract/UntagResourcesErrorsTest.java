package dev.ecstags.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed's error table (UntagResources.md), row by row, with the documented status, code and message; and the
 * malformed values of CONTRACT.md §5 (InvalidParameter). Every refused call is checked to leave every tag row of the
 * account exactly as it was.
 *
 * <p>Three rows of the seed's table cannot be provoked through UntagResources, which has no tag values and only
 * removes tags: InvalidTagValue.Malformed, InvalidTag.Mismatch and OperationDenied.QuotaExceed. They are provoked
 * through TagResources, with the seed's messages, in {@link TagResourcesErrorsTest}. The rows that other actions
 * answer alike (RegionId, ResourceType, TagOwnerUid, TagOwnerBid, Scope, and a listed resource of another type or
 * region or not taggable) are sent to UntagResources among the others in {@link SharedRulesErrorsTest}.
 */
class UntagResourcesErrorsTest extends ContractTestSupport {

    @BeforeEach
    void accountWithATaggedInstance() {
        anAccountWithATaggedInstance(Map.of("env", "prod", "team", "a"));
        watchTagRows(key.accountId(), 2);
    }

    /** Untag of the tagged instance by the account's normal key; the test names the keys (or All). */
    TestSigner.V1 untagTagged() {
        return untag(key).param("ResourceId.1", tagged);
    }

    /** {@link #untagTagged} naming the key env; the test breaks one rule. */
    TestSigner.V1 untagEnv() {
        return untagTagged().param("TagKey.1", "env");
    }

    @Test
    void theUnbrokenCallRemovesTheKey() {
        assertSucceeded(untagEnv().send());

        assertThat(tagRows(key.accountId())).containsExactly("cn-hangzhou/instance/" + tagged + " team=a");
    }

    @Nested
    class MissingParameterResourceIds {

        @Test
        void noResourceId() {
            assertRefused(untag(key).param("TagKey.1", "env").send(), Documented.MISSING_RESOURCE_IDS);
        }
    }

    @Nested
    class NumberExceedResourceIds {

        @Test
        void fiftyOneIds() {
            assertRefused(untag(key).params(resourceIds(oneIdTooMany(tagged))).param("TagKey.1", "env").send(),
                    Documented.NUMBER_EXCEED_RESOURCE_IDS);
        }

        @Test
        void fiftyOneIdsOfWhichTwoAreTheSame() {
            assertRefused(untag(key).params(resourceIds(oneIdTooMany(tagged, tagged))).param("TagKey.1", "env").send(),
                    Documented.NUMBER_EXCEED_RESOURCE_IDS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ResourceId.51", "ResourceId.100", "ResourceId.99999999999"})
        void anIndexAboveFifty(String name) {
            assertRefused(untag(key).param(name, tagged).param("TagKey.1", "env").send(),
                    Documented.NUMBER_EXCEED_RESOURCE_IDS);
        }

        @Test
        void fiftyIdsAreAccepted() {
            List<String> ids = new ArrayList<>(List.of(tagged));
            ids.addAll(register(key.accountId(), REGION, TYPE, true, 49));

            assertSucceeded(untag(key).params(resourceIds(ids)).param("TagKey.1", "env").send());
        }
    }

    @Nested
    class MissingParameterTags {

        @Test
        void neitherTagKeyNorAll() {
            assertRefused(untagTagged().send(), Documented.MISSING_TAGS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"false", "FALSE", "False"})
        void allFalseWithoutTagKey(String all) {
            assertRefused(untagTagged().param("All", all).send(), Documented.MISSING_TAGS);
        }

        @Test
        void allTrueWithoutTagKeyRemovesEveryTag() {
            assertSucceeded(untagTagged().param("All", "TRUE").send());

            assertThat(tagRows(key.accountId())).isEmpty();
        }
    }

    @Nested
    class NumberExceedTags {

        @Test
        void twentyOneKeys() {
            assertRefused(untagTagged().params(tagKeys(numberedKeys("k", 21))).send(), Documented.NUMBER_EXCEED_TAGS);
        }

        @Test
        void twentyOneKeysWithAllTrue() {
            assertRefused(untagTagged().params(tagKeys(numberedKeys("k", 21)))
                    .param("All", "true").send(), Documented.NUMBER_EXCEED_TAGS);
        }

        @Test
        void twentyKeysAreAccepted() {
            var keys = new ArrayList<>(numberedKeys("k", 19));
            keys.add("env");

            assertSucceeded(untagTagged().params(tagKeys(keys)).send());
            assertThat(tagRows(key.accountId())).containsExactly("cn-hangzhou/instance/" + tagged + " team=a");
        }
    }

    @Nested
    class InvalidTagCount {

        @ParameterizedTest
        @ValueSource(strings = {"TagKey.21", "TagKey.0", "TagKey.100"})
        void anIndexOutsideOneToTwenty(String name) {
            assertRefused(untagTagged().param(name, "env").send(), Documented.INVALID_TAG_COUNT);
        }

        @Test
        void anIndexOutsideBesideValidOnes() {
            assertRefused(untagEnv().param("TagKey.21", "team").send(), Documented.INVALID_TAG_COUNT);
        }
    }

    @Nested
    class DuplicateTagKey {

        @Test
        void sameKeyTwice() {
            assertRefused(untagTagged().params(tagKeys("env", "team", "env")).send(), Documented.DUPLICATE_TAG_KEY);
        }

        @Test
        void emptyKeyTwice() {
            assertRefused(untagTagged().params(tagKeys("", "")).send(), Documented.DUPLICATE_TAG_KEY);
        }
    }

    @Nested
    class InvalidTagKeyMalformed {

        @ParameterizedTest
        @ValueSource(strings = {"aliyun", "aliyunTeam", "ALIYUN:x", "Aliyun-x", "acs:", "acs:rm:rgId", "ACS:x",
                "Acs:x", "see http://example.com", "https://example.com", "http://"})
        void aKeyBreakingTheRules(String tagKey) {
            assertRefused(untagEnv().param("TagKey.2", tagKey).send(), Documented.INVALID_TAG_KEY);
        }

        @Test
        void aKeyOf129Characters() {
            assertRefused(untagTagged().param("TagKey.1", "k".repeat(129)).send(), Documented.INVALID_TAG_KEY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "acs", "xaliyun", "my-acs:key", "http", "http:/x", "ftp://host"})
        void keysWithinTheRulesAreAccepted(String tagKey) {
            assertSucceeded(untagTagged().param("TagKey.1", tagKey).send());
            assertThat(tagRows(key.accountId())).containsExactly("cn-hangzhou/instance/" + tagged + " env=prod",
                    "cn-hangzhou/instance/" + tagged + " team=a");
        }

        @Test
        void aKeyOf128CharactersIsAccepted() {
            assertSucceeded(untagTagged().param("TagKey.1", "k".repeat(128)).send());
        }

        @Test
        void aServiceKeyMayNameReservedPrefixes() {
            assertSucceeded(untag(newServiceKey()).param("TagOwnerUid", key.accountId()).param("TagOwnerBid", BID)
                    .param("Scope", "private").param("ResourceId.1", tagged).params(tagKeys("aliyun:x", "acs:y"))
                    .send());
        }
    }

    @Nested
    class InvalidResourceIdNotFound {

        @Test
        void unknownId() {
            assertRefused(untagEnv().param("ResourceId.1", TestIds.instance()).send(), Documented.RESOURCE_NOT_FOUND);
        }

        @Test
        void oneUnknownIdInABatchLeavesEveryTagInPlace() {
            String second = newTaggedInstance(key, Map.of("env", "test"));
            watchTagRows(key.accountId(), 3);

            var response = untag(key).params(resourceIds(tagged, TestIds.instance(), second))
                    .params(tagKeys("env", "team")).send();

            assertRefused(response, Documented.RESOURCE_NOT_FOUND);
        }

        @Test
        void anotherAccountsResourceIsAnsweredAsUnknown() {
            var other = newNormalKey();
            String theirs = newTaggedInstance(other, Map.of("env", "prod"));
            var theirRowsBefore = tagRows(other.accountId());

            var response = untag(key).params(resourceIds(tagged, theirs)).param("TagKey.1", "env").send();

            assertRefused(response, Documented.RESOURCE_NOT_FOUND);
            assertThat(tagRows(other.accountId())).isEqualTo(theirRowsBefore).hasSize(1);
        }

        @Test
        void theSameIdRegisteredUnderAnotherTypeOnly() {
            // The id exists, as a disk; called as an instance it is unknown, and the disk keeps its tags.
            String id = register(key.accountId(), REGION, "disk", true, 1).get(0);
            assertSucceeded(rpc.v1(key).action("TagResources").param("RegionId", REGION).param("ResourceType", "disk")
                    .param("ResourceId.1", id).params(tags(Map.of("env", "prod"))).send());
            watchTagRows(key.accountId());

            assertRefused(untag(key).param("ResourceId.1", id).param("TagKey.1", "env").send(),
                    Documented.RESOURCE_NOT_FOUND);
        }

        @Test
        void theRightResourceCalledInAnotherRegion() {
            assertRefused(untagEnv().param("RegionId", OTHER_REGION).send(), Documented.RESOURCE_NOT_FOUND);
        }
    }

    @Nested
    class InvalidResourceIdNotSupported {

        @Test
        void aResourceRegisteredAsNotTaggable() {
            String untaggable = register(key.accountId(), REGION, TYPE, false, 1).get(0);

            assertRefused(untag(key).param("ResourceId.1", untaggable).param("TagKey.1", "env").send(),
                    Documented.RESOURCE_NOT_TAGGABLE);
        }
    }

    @Nested
    class TagOwnerUid {

        @Test
        void aNormalKeyCannotReachAnotherAccountThroughTagOwnerUid() {
            var other = newNormalKey();
            String theirs = newTaggedInstance(other, Map.of("env", "prod"));

            var response = untag(key).param("TagOwnerUid", other.accountId()).param("TagOwnerBid", BID)
                    .param("ResourceId.1", theirs).param("TagKey.1", "env").send();

            assertRefused(response, Documented.PERMISSION_DENIED_TAG_OWNER_UID);
            assertThat(tagRows(other.accountId())).hasSize(1);
        }

        @Test
        void aServiceKeyWithBothActsForTheAccount() {
            assertSucceeded(untag(newServiceKey()).param("TagOwnerUid", key.accountId()).param("TagOwnerBid", BID)
                    .param("ResourceId.1", tagged).param("TagKey.1", "env").send());
            assertThat(tagRows(key.accountId())).containsExactly("cn-hangzhou/instance/" + tagged + " team=a");
        }
    }

    @Nested
    class NoPermissionTag {

        @BeforeEach
        void privateTagOnTheInstance() {
            tagPrivately(key.accountId(), List.of(tagged), Map.of("acs:system", "on", "owner", "ecs"));
            watchTagRows(key.accountId(), 4);
        }

        @Test
        void aNormalKeyNamesAKeyTheResourceCarriesPrivately() {
            assertRefused(untagTagged().param("TagKey.1", "owner").send(), Documented.NO_PERMISSION_TAG);
        }

        @Test
        void aKeyPrivateOnOneResourceAndPublicOnAnotherRefusesTheWholeBatch() {
            String second = newTaggedInstance(key, Map.of("owner", "me"));
            watchTagRows(key.accountId());

            // "owner" is public on the second instance and private on the first: the whole call is refused.
            assertRefused(untag(key).params(resourceIds(second, tagged)).params(tagKeys("env", "owner")).send(),
                    Documented.NO_PERMISSION_TAG);
        }

        @Test
        void aPrivateScopeNamesAKeyTheResourceCarriesPublicly() {
            assertRefused(untag(newServiceKey()).param("TagOwnerUid", key.accountId()).param("TagOwnerBid", BID)
                    .param("Scope", "private").param("ResourceId.1", tagged).params(tagKeys("acs:system", "env"))
                    .send(), Documented.NO_PERMISSION_TAG);
        }

        @Test
        void allTrueByANormalKeyRemovesOnlyThePublicTags() {
            assertSucceeded(untagTagged().param("All", "true").send());

            assertThat(tagRows(key.accountId())).containsExactly(
                    "cn-hangzhou/instance/" + tagged + " acs:system=on (private)",
                    "cn-hangzhou/instance/" + tagged + " owner=ecs (private)");
        }
    }

    @Nested
    class InvalidParameter {

        @ParameterizedTest
        @ValueSource(strings = {"ResourceId.x", "ResourceId.one", "ResourceId.0", "ResourceId.1a"})
        void aMalformedResourceIdIndex(String name) {
            assertRefused(untagEnv().param(name, tagged).send(), 400, "InvalidParameter");
        }

        @ParameterizedTest
        @ValueSource(strings = {"TagKey.x", "TagKey.first", "TagKey.2b"})
        void aMalformedTagKeyIndex(String name) {
            assertRefused(untagEnv().param(name, "team").send(), 400, "InvalidParameter");
        }

        @ParameterizedTest
        @ValueSource(strings = {"maybe", "yes", "1", "0"})
        void allNotABooleanWithoutKeys(String all) {
            assertRefused(untagTagged().param("All", all).send(), 400, "InvalidParameter");
        }

        @ParameterizedTest
        @ValueSource(strings = {"maybe", "yes"})
        void allNotABooleanWithKeys(String all) {
            assertRefused(untagEnv().param("All", all).send(), 400, "InvalidParameter");
        }
    }
}
