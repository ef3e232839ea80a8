package dev.ecstags.tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import java.util.SortedMap;

/**
 * ListTagResources: the visible tags of the resources that match every selector given.
 *
 * @param tags       {@code Tag.N.Key} / {@code Tag.N.Value}: exact matches, ANDed; a key alone matches any value
 * @param tagFilters {@code TagFilter.N.TagKey} / {@code TagFilter.N.TagValues.M}: patterns with {@code *}
 * @param nextToken  the page token of the previous page, or null for the first page
 */
public record ListTagResourcesRequest(
        @Valid @ResourceTypeNamed TagTarget target,
        @ResourceIdLimits SortedMap<Integer, String> resourceIds,
        @TagLimits SortedMap<Integer, TagParameter> tags,
        SortedMap<Integer, TagFilterParameter> tagFilters,
        String nextToken) implements TagPairsRequest {

    @AssertTrue(message = "INVALID_TAG_KEY")
    public boolean isEveryTagFilterKeyGiven() {
        return tagFilters.values().stream().allMatch(TagFilterParameter::hasKey);
    }

    @AssertTrue(message = "TAG_WITH_TAG_FILTER")
    public boolean isTagOrTagFilterNotBoth() {
        return tags.isEmpty() || tagFilters.isEmpty();
    }

    @AssertTrue(message = "MISSING_TAG_OR_RESOURCE_ID")
    public boolean isAnySelectorGiven() {
        return !resourceIds.isEmpty() || !tags.isEmpty() || !tagFilters.isEmpty();
    }
}
