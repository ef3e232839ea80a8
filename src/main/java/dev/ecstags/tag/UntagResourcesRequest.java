package dev.ecstags.tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.SortedMap;

/**
 * UntagResources (docs/contract.md §4).
 *
 * @param tagKeys {@code TagKey.N} by index N; an empty key is allowed and matches no tag
 * @param all     remove every tag of the call's kind; has effect only when no key is given
 */
public record UntagResourcesRequest(
        @Valid @ResourceTypeNamed TagTarget target,
        @NotEmpty(message = "MISSING_RESOURCE_IDS") @ResourceIdLimits SortedMap<Integer, String> resourceIds,
        @TagLimits SortedMap<Integer, String> tagKeys,
        boolean all) implements TagRequest {

    @AssertTrue(message = "MISSING_TAGS")
    public boolean isTagKeyOrAllGiven() {
        return !tagKeys.isEmpty() || all;
    }

    @AssertTrue(message = "DUPLICATE_TAG_KEY")
    public boolean isEveryTagKeyDistinct() {
        return tagKeys.values().stream().distinct().count() == tagKeys.size();
    }

    @AssertTrue(message = "INVALID_TAG_KEY")
    public boolean isEveryTagKeyWellFormed() {
        return tagKeys.values().stream().allMatch(target.tagRules()::isKeyToRemoveValid);
    }

    /** Empty when every tag of the call's kind goes ({@code All=true} and no key). */
    List<String> keysToRemove() {
        return tagKeys.values().stream().distinct().toList();
    }
}
