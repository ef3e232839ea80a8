package dev.ecstags.tag;

import jakarta.validation.constraints.AssertTrue;
import java.util.SortedMap;

/**
 * A request that carries tags as {@code Tag.N.Key} / {@code Tag.N.Value} pairs (TagResources, ListTagResources,
 * DescribeTags): their rules, with the caller's key and value rules.
 */
interface TagPairsRequest extends TagRequest {

    SortedMap<Integer, TagParameter> tags();

    @AssertTrue(message = "DUPLICATE_TAG_KEY")
    default boolean isEveryTagKeyDistinct() {
        return TagParameter.keysAreDistinct(tags());
    }

    @AssertTrue(message = "INVALID_TAG_KEY")
    default boolean isEveryTagKeyWellFormed() {
        TagRules rules = target().tagRules();
        return tags().values().stream().allMatch(tag -> tag.key() == null || rules.isKeyToWriteValid(tag.key()));
    }

    @AssertTrue(message = "INVALID_TAG_VALUE")
    default boolean isEveryTagValueWellFormed() {
        TagRules rules = target().tagRules();
        return tags().values().stream().allMatch(tag -> tag.value() == null || rules.isValueValid(tag.value()));
    }

    @AssertTrue(message = "TAG_MISMATCH")
    default boolean isEveryTagValuePairedWithAKey() {
        return tags().values().stream().allMatch(tag -> tag.key() != null);
    }
}
