package dev.ecstags.tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
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
        @Valid @ResourceTypeNamed TagTarget target,
        @NotEmpty(message = "MISSING_RESOURCE_IDS") @ResourceIdLimits SortedMap<Integer, String> resourceIds,
        @NotEmpty(message = "MISSING_TAGS") @TagLimits SortedMap<Integer, TagParameter> tags)
        implements
            TagPairsRequest {

    /** Key to value, in request order; a value not given is "". */
    Map<String, String> tagsToWrite() {
        var byKey = new LinkedHashMap<String, String>();
        tags.values().forEach(tag -> byKey.put(tag.key(), Objects.requireNonNullElse(tag.value(), "")));
        return byKey;
    }
}
