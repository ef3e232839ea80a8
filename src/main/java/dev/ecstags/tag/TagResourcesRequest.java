package dev.ecstags.tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * TagResources: put the tags on every listed resource, overwriting the value of a key a resource already carries.
 *
 * @param tags {@code Tag.N.Key} / {@code Tag.N.Value} by index N
 */
public record TagResourcesRequest(
        @Valid
        @ResourceTypeNamed(message = "MISSING_RESOURCE_TYPE")
        TagTarget target,
        @NotEmpty(message = "MISSING_RESOURCE_IDS")
        @Size(max = 50, message = "NUMBER_EXCEED_RESOURCE_IDS")
        @IndexRange(max = 50, message = "NUMBER_EXCEED_RESOURCE_IDS")
        SortedMap<Integer, String> resourceIds,
        @NotEmpty(message = "MISSING_TAGS")
        @Size(max = 20, message = "NUMBER_EXCEED_TAGS")
        @IndexRange(min = 1, max = 20, message = "INVALID_TAG_COUNT")
        SortedMap<Integer, TagParameter> tags) implements TagPairsRequest {

    /** Key to value, in request order; a value not given is "". */
    Map<String, String> tagsToWrite() {
        var byKey = new LinkedHashMap<String, String>();
        tags.values().forEach(tag -> byKey.put(tag.key(), Objects.requireNonNullElse(tag.value(), "")));
        return byKey;
    }
}
