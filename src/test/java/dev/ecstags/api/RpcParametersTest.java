package dev.ecstags.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecstags.error.ApiException;
import dev.ecstags.error.ErrorCode;
import dev.ecstags.tag.TagFilterParameter;
import dev.ecstags.tag.TagParameter;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** How repeat lists are gathered by index, and which indexes are malformed values (InvalidParameter). */
class RpcParametersTest {

    @Test
    void resourceIdsAreGatheredByNumericIndexInOrder() {
        var parameters = new RpcParameters(Map.of("ResourceId.2", "i-b", "ResourceId.10", "i-c", "ResourceId.1", "i-a",
                "ResourceIdentifier", "x", "ResourceId.1.Extra", "y"));

        assertThat(parameters.resourceIds()).containsExactly(Map.entry(1, "i-a"), Map.entry(2, "i-b"),
                Map.entry(10, "i-c"));
    }

    @Test
    void leadingZerosNameTheSameIndex() {
        assertThat(new RpcParameters(Map.of("ResourceId.007", "i-a")).resourceIds())
                .containsExactly(Map.entry(7, "i-a"));
        assertThat(new RpcParameters(Map.of("TagKey.00", "k")).list("TagKey")).containsExactly(Map.entry(0, "k"));
    }

    @Test
    void anIndexTooLargeForAnIntIsStillANumberBeyondEveryLimit() {
        var parameters = new RpcParameters(
                Map.of("ResourceId.99999999999999999999", "i-a", "TagKey.0000000000051", "k"));

        assertThat(parameters.resourceIds()).containsExactly(Map.entry(Integer.MAX_VALUE, "i-a"));
        assertThat(parameters.list("TagKey")).containsExactly(Map.entry(51, "k"));
    }

    @Test
    void aNonNumericEmptyOrSignedIndexIsMalformed() {
        assertInvalid(() -> new RpcParameters(Map.of("ResourceId.x", "i-a")).resourceIds(), "ResourceId.x");
        assertInvalid(() -> new RpcParameters(Map.of("ResourceId.", "i-a")).resourceIds(), "ResourceId.");
        assertInvalid(() -> new RpcParameters(Map.of("TagKey.-1", "k")).list("TagKey"), "TagKey.-1");
        assertInvalid(() -> new RpcParameters(Map.of("TagKey.+1", "k")).list("TagKey"), "TagKey.+1");
        assertInvalid(() -> new RpcParameters(Map.of("TagKey.\u0661", "k")).list("TagKey"), "TagKey.\u0661");
        assertInvalid(() -> new RpcParameters(Map.of("Tag.one.Key", "k")).tags(), "Tag.one.Key");
    }

    @Test
    void resourceIdZeroIsMalformedButTagIndexZeroIsTheIndexRulesBusiness() {
        assertInvalid(() -> new RpcParameters(Map.of("ResourceId.0", "i-a")).resourceIds(), "ResourceId.0");
        assertThat(new RpcParameters(Map.of("Tag.0.Key", "k")).tags()).containsOnlyKeys(0);
    }

    @Test
    void tagKeyAndValueArePairedByIndexEitherMayBeAbsent() {
        var tags = new RpcParameters(Map.of("Tag.1.Key", "env", "Tag.1.Value", "prod", "Tag.2.Key", "team",
                "Tag.3.Value", "orphan", "Tag.4.Other", "ignored")).tags();

        assertThat(tags).containsExactly(Map.entry(1, new TagParameter("env", "prod")),
                Map.entry(2, new TagParameter("team", null)), Map.entry(3, new TagParameter(null, "orphan")));
    }

    @Test
    void tagFiltersGatherKeysAndValuesByIndex() {
        var filters = new RpcParameters(Map.of("TagFilter.1.TagKey", "env", "TagFilter.1.TagValues.2", "b*",
                "TagFilter.1.TagValues.1", "a", "TagFilter.02.TagValues.1", "x")).tagFilters();

        var values = new TreeMap<Integer, String>(Map.of(1, "a", 2, "b*"));
        assertThat(filters).containsExactly(Map.entry(1, new TagFilterParameter("env", values)),
                Map.entry(2, new TagFilterParameter(null, new TreeMap<>(Map.of(1, "x")))));
    }

    @Test
    void tagFilterIndexesOutsideOneToFiveAreMalformed() {
        assertInvalid(() -> new RpcParameters(Map.of("TagFilter.0.TagKey", "k")).tagFilters(), "TagFilter.0.TagKey");
        assertInvalid(() -> new RpcParameters(Map.of("TagFilter.6.TagKey", "k")).tagFilters(), "TagFilter.6.TagKey");
        assertInvalid(() -> new RpcParameters(Map.of("TagFilter.1.TagValues.6", "v")).tagFilters(),
                "TagFilter.1.TagValues.6");
        assertInvalid(() -> new RpcParameters(Map.of("TagFilter.1.TagValues.x", "v")).tagFilters(),
                "TagFilter.1.TagValues.x");
        assertInvalid(() -> new RpcParameters(Map.of("TagFilter.99999999999.TagKey", "k")).tagFilters(),
                "TagFilter.99999999999.TagKey");
    }

    @Test
    void flagIsTrueOrFalseInAnyCaseAbsentIsFalse() {
        assertThat(new RpcParameters(Map.of("All", "TRUE")).flag("All")).isTrue();
        assertThat(new RpcParameters(Map.of("All", "False")).flag("All")).isFalse();
        assertThat(new RpcParameters(Map.of()).flag("All")).isFalse();
        assertInvalid(() -> new RpcParameters(Map.of("All", "")).flag("All"), "All");
        assertInvalid(() -> new RpcParameters(Map.of("All", "yes")).flag("All"), "All");
    }

    private static void assertInvalid(ThrowingCallable parse, String parameter) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(ApiException.class, refusal -> {
            assertThat(refusal.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(refusal.getMessage()).isEqualTo(ErrorCode.INVALID_PARAMETER.message(parameter));
        });
    }
}
