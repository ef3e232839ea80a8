package dev.ecstags.contract;

import dev.ecstags.auth.AccessKeyStatus;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md §3 and §5: a request that breaks two rules is answered by the one that comes first in the contract's
 * order. Each test breaks exactly two adjacent (or telling) rules of an otherwise valid call; its name says which
 * wins.
 */
class ErrorPrecedenceTest extends ContractTestSupport {

    @BeforeEach
    void accountWithATaggedInstance() {
        anAccountWithATaggedInstance(Map.of("env", "prod"));
    }

    TestSigner.V1 untagEnv() {
        return untag(key).param("ResourceId.1", tagged).param("TagKey.1", "env");
    }

    TestSigner.V1 tagTeam() {
        return tagResources(key).param("ResourceId.1", tagged).param("Tag.1.Key", "team").param("Tag.1.Value", "a");
    }

    @Nested
    class TransportAndAuthentication {

        @Test
        void methodBeforeMissingCommonParameter() {
            assertError(untagEnv().drop("Action").drop("Timestamp").method("PUT").send(), 403,
                    "UnsupportedHTTPMethod");
        }

        @Test
        void missingCommonParameterBeforeVersion() {
            assertError(untagEnv().param("Version", "2016-11-11").drop("SignatureNonce").send(), 400,
                    "MissingParameter");
        }

        @Test
        void versionBeforeAction() {
            assertError(untagEnv().param("Version", "2016-11-11").action("DescribeRegions").send(), 400,
                    "InvalidVersion");
        }

        @Test
        void actionBeforeTimestampFormat() {
            assertError(untagEnv().action("DescribeRegions").timestamp("yesterday").send(), 404,
                    "InvalidAction.NotFound");
        }

        @Test
        void timestampFormatBeforeUnknownKey() {
            assertError(rpc.v1("LTAIunknown" + TestIds.account(), "x").action("UntagResources").timestamp("yesterday")
                    .send(), 400, "InvalidTimeStamp.Format");
        }

        @Test
        void timestampWindowBeforeUnknownKey() {
            assertError(rpc.v1("LTAIunknown" + TestIds.account(), "x").action("UntagResources")
                    .timestamp(Instant.now().minus(Duration.ofHours(1))).send(), 400, "InvalidTimeStamp.Expired");
        }

        @Test
        void timestampWindowBeforeInactiveKey() {
            var call = untagEnv().timestamp(Instant.now().plus(Duration.ofHours(1)));
            accessKeys.changeStatus(key.accessKeyId(), AccessKeyStatus.Inactive);

            assertError(call.send(), 400, "InvalidTimeStamp.Expired");
        }

        @Test
        void unknownKeyBeforeSignature() {
            assertError(rpc.v1("LTAIunknown" + TestIds.account(), "x").action("UntagResources")
                    .signature("bm90IGEgc2lnbmF0dXJl").send(), 404, "InvalidAccessKeyId.NotFound");
        }

        @Test
        void inactiveKeyBeforeSignature() {
            var call = rpc.v1(key.accessKeyId(), "wrong secret").action("UntagResources").param("RegionId", REGION)
                    .param("ResourceType", TYPE).param("ResourceId.1", tagged).param("TagKey.1", "env");
            accessKeys.changeStatus(key.accessKeyId(), AccessKeyStatus.Inactive);

            assertError(call.send(), 400, "InvalidAccessKeyId.Inactive");
        }

        @Test
        void signatureBeforeNonce() {
            String nonce = TestIds.nonce();
            assertSucceeded(untagEnv().param("TagKey.1", "absent").nonce(nonce).send());

            assertError(untagEnv().nonce(nonce).signature("bm90IGEgc2lnbmF0dXJl").send(), 400,
                    "SignatureDoesNotMatch");
        }

        @Test
        void v3PayloadHashBeforeNonce() {
            String nonce = TestIds.nonce();
            assertSucceeded(rpc.v3(key).action("UntagResources").param("RegionId", REGION).param("ResourceType", TYPE)
                    .param("ResourceId.1", tagged).param("TagKey.1", "absent").nonce(nonce).send());

            assertError(rpc.v3(key).action("UntagResources").nonce(nonce)
                    .formBody(Map.of("RegionId", REGION, "ResourceType", TYPE, "ResourceId.1", tagged,
                            "TagKey.1", "env"))
                    .contentSha256(TestSigner.EMPTY_BODY_SHA256).send(), 400, "SignatureDoesNotMatch");
        }

        @Test
        void signatureBeforeTheActionsChecks() {
            assertError(untagEnv().drop("RegionId").signature("bm90IGEgc2lnbmF0dXJl").send(), 400,
                    "SignatureDoesNotMatch");
        }

        @Test
        void signatureBeforeFormat() {
            assertError(untagEnv().format("yaml").signature("bm90IGEgc2lnbmF0dXJl").send(), 400,
                    "SignatureDoesNotMatch");
        }

        @Test
        void nonceBeforeTheActionsChecks() {
            String nonce = TestIds.nonce();
            assertSucceeded(untagEnv().param("TagKey.1", "absent").nonce(nonce).send());

            assertError(untagEnv().drop("RegionId").param("TagOwnerUid", key.accountId()).nonce(nonce).send(), 400,
                    "SignatureNonceUsed");
        }
    }

    @Nested
    class MalformedValuesFirst {

        @Test
        void malformedIndexBeforeOwnerParameterOfANormalKey() {
            assertError(untagEnv().param("TagOwnerUid", key.accountId()).param("ResourceId.x", tagged).send(), 400,
                    "InvalidParameter");
        }

        @Test
        void formatBeforeMissingRegionId() {
            assertError(untagEnv().format("yaml").drop("RegionId").send(), 400, "InvalidParameter");
        }

        @Test
        void allNotABooleanBeforeScopeOfANormalKey() {
            assertError(untagEnv().param("All", "maybe").param("Scope", "private").send(), 400, "InvalidParameter");
        }

        @Test
        void resourceIdZeroBeforeTooManyIds() {
            assertError(untag(key).params(resourceIds(oneIdTooMany())).param("ResourceId.0", tagged)
                    .param("TagKey.1", "env").send(), 400, "InvalidParameter");
        }

        @Test
        void malformedTagIndexBeforeMissingResourceType() {
            assertError(tagTeam().drop("ResourceType").param("Tag.x.Key", "k").send(), 400, "InvalidParameter");
        }
    }

    @Nested
    class OwnerAndScope {

        @Test
        void tagOwnerUidOfANormalKeyBeforeMissingRegionId() {
            assertError(untagEnv().param("TagOwnerUid", key.accountId()).drop("RegionId").send(),
                    Documented.PERMISSION_DENIED_TAG_OWNER_UID);
        }

        @Test
        void tagOwnerUidOfANormalKeyBeforeScopeOfANormalKey() {
            assertError(untagEnv().param("TagOwnerBid", BID).param("Scope", "public").send(),
                    Documented.PERMISSION_DENIED_TAG_OWNER_UID);
        }

        @Test
        void missingTagOwnerBidBeforeInvalidScope() {
            assertError(untag(newServiceKey()).param("TagOwnerUid", key.accountId()).param("Scope", "bogus")
                    .param("ResourceId.1", tagged).param("TagKey.1", "env").send(), Documented.MISSING_TAG_OWNER_BID);
        }

        @Test
        void scopeOfANormalKeyBeforeUnknownRegion() {
            assertError(untagEnv().param("Scope", "private").param("RegionId", UNKNOWN_REGION).send(),
                    Documented.PERMISSION_DENIED_SCOPE);
        }

        @Test
        void invalidScopeBeforeMissingRegionId() {
            assertError(untag(newServiceKey()).param("TagOwnerUid", key.accountId()).param("TagOwnerBid", BID)
                    .param("Scope", "bogus").drop("RegionId").param("ResourceId.1", tagged).param("TagKey.1", "env")
                    .send(), Documented.INVALID_SCOPE);
        }
    }

    @Nested
    class RegionTypeAndIds {

        @Test
        void missingRegionIdBeforeUnknownResourceType() {
            assertError(untagEnv().drop("RegionId").param("ResourceType", "vm").send(), Documented.MISSING_REGION_ID);
        }

        @Test
        void unknownRegionBeforeMissingResourceType() {
            assertError(untagEnv().param("RegionId", UNKNOWN_REGION).drop("ResourceType").send(),
                    Documented.INVALID_REGION_ID);
        }

        @Test
        void missingResourceTypeBeforeMissingResourceIds() {
            assertError(untag(key).drop("ResourceType").param("TagKey.1", "env").send(),
                    Documented.MISSING_RESOURCE_TYPE);
        }

        @Test
        void unknownResourceTypeBeforeTooManyIds() {
            assertError(untag(key).param("ResourceType", "vm").params(resourceIds(oneIdTooMany()))
                    .param("TagKey.1", "env").send(), Documented.INVALID_RESOURCE_TYPE);
        }

        @Test
        void missingResourceIdsBeforeMissingTags() {
            assertError(untag(key).send(), Documented.MISSING_RESOURCE_IDS);
        }

        @Test
        void tooManyIdsBeforeTooManyTags() {
            assertError(untag(key).params(resourceIds(oneIdTooMany())).params(tagKeys(numberedKeys("k", 21))).send(),
                    Documented.NUMBER_EXCEED_RESOURCE_IDS);
        }

        @Test
        void tooManyIdsBeforeMissingTags() {
            assertError(tagResources(key).params(resourceIds(oneIdTooMany())).send(),
                    Documented.NUMBER_EXCEED_RESOURCE_IDS);
        }
    }

    @Nested
    class TagRules {

        @Test
        void missingTagsBeforeUnknownResource() {
            assertError(untag(key).param("ResourceId.1", TestIds.instance()).send(), Documented.MISSING_TAGS);
        }

        @Test
        void tooManyTagsBeforeAnIndexOutOfRange() {
            var keys = tagKeys(numberedKeys("k", 20));
            keys.put("TagKey.22", "k22");

            assertError(untag(key).param("ResourceId.1", tagged).params(keys).send(), Documented.NUMBER_EXCEED_TAGS);
        }

        @Test
        void tooManyTagsBeforeAnIndexOutOfRangeInTagResources() {
            var tagParameters = tags(numberedTags("k", 20));
            tagParameters.put("Tag.0.Key", "k0");

            assertError(tagResources(key).param("ResourceId.1", tagged).params(tagParameters).send(),
                    Documented.NUMBER_EXCEED_TAGS);
        }

        @Test
        void indexOutOfRangeBeforeDuplicate() {
            assertError(untag(key).param("ResourceId.1", tagged).param("TagKey.0", "env").param("TagKey.1", "env")
                    .send(), Documented.INVALID_TAG_COUNT);
        }

        @Test
        void duplicateBeforeMalformedKey() {
            assertError(untag(key).param("ResourceId.1", tagged).params(tagKeys("aliyun:x", "aliyun:x")).send(),
                    Documented.DUPLICATE_TAG_KEY);
        }

        @Test
        void malformedKeyBeforeMalformedValue() {
            assertError(tagTeam().param("Tag.2.Key", "acs:x").param("Tag.2.Value", "http://x").send(),
                    Documented.INVALID_TAG_KEY);
        }

        @Test
        void malformedValueBeforeMismatch() {
            assertError(tagTeam().param("Tag.1.Value", "acs:x").param("Tag.2.Value", "v").send(),
                    Documented.INVALID_TAG_VALUE);
        }

        @Test
        void mismatchBeforeUnknownResource() {
            assertError(tagTeam().param("Tag.2.Value", "v").param("ResourceId.2", TestIds.instance()).send(),
                    Documented.TAG_MISMATCH);
        }

        @Test
        void malformedKeyBeforeUnknownResourceInUntag() {
            assertError(untag(key).param("ResourceId.1", TestIds.instance()).param("TagKey.1", "k".repeat(129))
                    .send(), Documented.INVALID_TAG_KEY);
        }

        @Test
        void everyTagRuleBeforeOwnershipOfAnotherAccountsResource() {
            var other = newNormalKey();
            String theirs = newInstance(other.accountId());

            assertError(untag(key).param("ResourceId.1", theirs).params(tagKeys("env", "env")).send(),
                    Documented.DUPLICATE_TAG_KEY);
        }
    }

    @Nested
    class ListSelectors {

        @Test
        void mismatchBeforeTagWithTagFilter() {
            assertError(listTagResources(key).param("Tag.1.Value", "prod").param("TagFilter.1.TagKey", "env").send(),
                    Documented.TAG_MISMATCH);
        }

        @Test
        void tagWithTagFilterBeforeNextToken() {
            assertError(listTagResources(key).param("Tag.1.Key", "env").param("TagFilter.1.TagKey", "env")
                    .param("NextToken", "garbage").send(), 400, "InvalidParameter");
        }

        @Test
        void noSelectorBeforeNextToken() {
            assertError(listTagResources(key).param("NextToken", "garbage").send(), 400,
                    "MissParameter.TagOrResourceId");
        }

        @Test
        void malformedKeyBeforeNextToken() {
            assertError(listTagResources(key).param("Tag.1.Key", "k".repeat(129)).param("NextToken", "garbage")
                    .send(), Documented.INVALID_TAG_KEY);
        }

        @Test
        void missingRegionIdBeforeNoSelector() {
            assertError(listTagResources(key).drop("RegionId").send(), Documented.MISSING_REGION_ID);
        }
    }

    @Nested
    class ExistenceTaggablePermissionQuota {

        String untaggable;

        @BeforeEach
        void untaggableInstance() {
            untaggable = register(key.accountId(), REGION, TYPE, false, 1).get(0);
        }

        /** A fresh instance of the account carrying 20 public tags, the most it may: one more breaks the quota. */
        String aFullInstance() {
            return newTaggedInstance(key, numberedTags("k", 20));
        }

        @Test
        void unknownResourceBeforeUntaggable() {
            assertError(untag(key).params(resourceIds(untaggable, TestIds.instance())).param("TagKey.1", "env")
                    .send(), Documented.RESOURCE_NOT_FOUND);
        }

        @Test
        void untaggableBeforePrivateTagPermission() {
            tagPrivately(key.accountId(), List.of(tagged), Map.of("owner", "ecs"));

            assertError(untag(key).params(resourceIds(tagged, untaggable)).param("TagKey.1", "owner").send(),
                    Documented.RESOURCE_NOT_TAGGABLE);
        }

        @Test
        void privateTagPermissionBeforeQuota() {
            String full = aFullInstance();
            tagPrivately(key.accountId(), List.of(tagged), Map.of("owner", "ecs"));
            watchTagRows(key.accountId());

            // "owner" is private on the tagged instance, and a new key would be the 21st on the full one.
            assertRefused(tagResources(key).params(resourceIds(tagged, full)).param("Tag.1.Key", "owner").send(),
                    Documented.NO_PERMISSION_TAG);
        }

        @Test
        void untaggableBeforeQuota() {
            String full = aFullInstance();

            assertError(tagResources(key).params(resourceIds(full, untaggable)).param("Tag.1.Key", "new").send(),
                    Documented.RESOURCE_NOT_TAGGABLE);
        }
    }
}
