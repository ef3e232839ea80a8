package dev.ecstags.tag;

import jakarta.validation.constraints.AssertTrue;
import java.util.SortedMap;

/** A request that names tags as {@code Tag.N.Key} / {@code Tag.N.Value} (TagResources, ListTagResources). */
interface TagListRequest extends TagRequest {

    SortedMap<Integer, TagParameter> tags();

    @AssertTrue(message = "DUPLICATE_TAG_KEY")
    default boolean isEveryTagKeyDistinct() {
        return TagParameter.keysAreDistinct(tags());
    }

    @AssertTrue(message = "INVALID_TAG_KEY")
    default boolean isEveryTagKeyWellFormed() {
        return tags().values().stream().allMatch(tag -> tag.key() == null || tagRules().isKeyToWriteValid(tag.key()));
    }

    @AssertTrue(message = "INVALID_TAG_VALUE")
    default boolean isEveryTagValueWellFormed() {
        return tags().values().stream().allMatch(tag -> tag.value() == null || tagRules().isValueValid(tag.value()));
    }

    @AssertTrue(message = "TAG_MISMATCH")
    default boolean isEveryTagValuePairedWithAKey() {
        return tags().values().stream().allMatch(tag -> tag.key() != null);
    }
}
