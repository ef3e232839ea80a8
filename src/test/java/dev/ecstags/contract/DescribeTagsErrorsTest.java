package dev.ecstags.contract;

import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    /**
     * A DescribeTags call with these parameters beside RegionId, and the status and code it is answered with: one
     * broken rule per row. A rule tried with many values has a test of its own below.
     */
    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments(Map.of("RegionId", UNKNOWN_REGION), 404, "InvalidRegionId.NotFound"),
                arguments(Map.of("ResourceType", "bucket"), 404, "InvalidResourceType.NotFound"),
                arguments(named("Tag.1..21", tags(numberedTags("k", 21))), 400, "NumberExceed.Tags"),
                arguments(Map.of("Tag.21.Key", "k"), 400, "InvalidTagCount"),
                arguments(Map.of("Tag.x.Key", "k"), 400, "InvalidParameter"),
                arguments(Map.of("Tag.1.Key", "env", "Tag.2.Key", "env"), 400, "Duplicate.TagKey"),
                arguments(Map.of("Tag.1.Key", "env", "Tag.1.Value", "https://x"), 400, "InvalidTagValue.Malformed"),
                arguments(Map.of("Tag.1.Value", "prod"), 400, "InvalidTag.Mismatch"),
                arguments(Map.of("Category", "Secret"), 400, "InvalidParameter.Category"),
                arguments(Map.of("Scope", "private"), 403, "PermissionDenied.Scope"),
                arguments(Map.of("TagOwnerUid", TestIds.account(), "TagOwnerBid", BID), 403,
                        "PermissionDenied.TagOwnerUid"));
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @MethodSource("refusals")
    void aBrokenRuleIsAnsweredWithItsCode(Map<String, String> parameters, int status, String code) {
        assertError(describe().params(parameters).send(), status, code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "aliyun-key", "acs:key", "http://key"})
    void malformedTagKey(String tagKey) {
        assertError(describe().param("Tag.1.Key", tagKey).send(), 400, "InvalidTagKey.Malformed");
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
    void unknownScopeFromAServiceKey() {
        assertError(rpc.v1(newServiceKey()).action("DescribeTags").param("RegionId", REGION).param("Scope", "team")
                .send(), 400, "Invalid.Scope");
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
