package dev.ecstags.contract;

import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The error rows of DescribeTags, each with its HTTP status and Code: the shared parameter rules (region, type,
 * Tag.N, Scope and TagOwnerUid) and its own (PageNumber, PageSize, Category), in the catalog's precedence.
 */
class DescribeTagsErrorsTest extends ContractTestSupport {

    @BeforeEach
    void accountWithATaggedInstance() {
        anAccountWithATaggedInstance(Map.of("env", "prod"));
    }

    TestSigner.V1 describe() {
        return rpc.v1(key).action("DescribeTags").param("RegionId", REGION);
    }

    @Test
    void theUnbrokenCallSucceeds() {
        assertSucceeded(describe().send());
        assertSucceeded(describe().param("ResourceType", TYPE).param("PageNumber", "1").param("PageSize", "100")
                .param("Category", "Custom").send());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingRegionId(String regionId) {
        assertError(describe().param("RegionId", regionId).send(), 404, "MissingParameter.RegionId");
    }

    @Test
    void unknownRegionId() {
        assertError(describe().param("RegionId", UNKNOWN_REGION).send(), 404, "InvalidRegionId.NotFound");
    }

    @Test
    void unknownResourceType() {
        assertError(describe().param("ResourceType", "bucket").send(), 404, "InvalidResourceType.NotFound");
    }

    @Test
    void moreThanTwentyTags() {
        assertError(describe().params(tags(numberedTags("k", 21))).send(), 400, "NumberExceed.Tags");
    }

    @Test
    void tagIndexOutOfRange() {
        assertError(describe().param("Tag.21.Key", "k").send(), 400, "InvalidTagCount");
    }

    @Test
    void tagIndexNotANumber() {
        assertError(describe().param("Tag.x.Key", "k").send(), 400, "InvalidParameter");
    }

    @Test
    void duplicateTagKey() {
        assertError(describe().param("Tag.1.Key", "env").param("Tag.2.Key", "env").send(), 400, "Duplicate.TagKey");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "aliyun-key", "acs:key", "http://key"})
    void malformedTagKey(String tagKey) {
        assertError(describe().param("Tag.1.Key", tagKey).send(), 400, "InvalidTagKey.Malformed");
    }

    @Test
    void malformedTagValue() {
        assertError(describe().param("Tag.1.Key", "env").param("Tag.1.Value", "https://x").send(), 400,
                "InvalidTagValue.Malformed");
    }

    @Test
    void tagValueWithoutKey() {
        assertError(describe().param("Tag.1.Value", "prod").send(), 400, "InvalidTag.Mismatch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "x", "1.5", "1000000000"})
    void invalidPageNumber(String pageNumber) {
        assertError(describe().param("PageNumber", pageNumber).send(), 400, "InvalidParameter.PageNumber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "x", "-5"})
    void invalidPageSize(String pageSize) {
        assertError(describe().param("PageSize", pageSize).send(), 400, "InvalidParameter.PageSize");
    }

    @Test
    void invalidCategory() {
        assertError(describe().param("Category", "Secret").send(), 400, "InvalidParameter.Category");
    }

    @Test
    void scopeFromANormalKey() {
        assertError(describe().param("Scope", "private").send(), 403, "PermissionDenied.Scope");
    }

    @Test
    void unknownScopeFromAServiceKey() {
        assertError(rpc.v1(newServiceKey()).action("DescribeTags").param("RegionId", REGION).param("Scope", "team")
                .send(), 400, "Invalid.Scope");
    }

    @Test
    void tagOwnerUidFromANormalKey() {
        assertError(describe().param("TagOwnerUid", TestIds.account()).param("TagOwnerBid", BID).send(), 403,
                "PermissionDenied.TagOwnerUid");
    }

    @Test
    void theFirstBrokenRuleInTheCatalogAnswers() {
        assertError(describe().param("RegionId", UNKNOWN_REGION).param("PageSize", "0").param("Category", "x")
                .send(), 404, "InvalidRegionId.NotFound");
        assertError(describe().param("Tag.1.Key", "").param("PageSize", "0").send(), 400,
                "InvalidTagKey.Malformed");
        assertError(describe().param("PageNumber", "0").param("PageSize", "0").send(), 400,
                "InvalidParameter.PageNumber");
    }
}
