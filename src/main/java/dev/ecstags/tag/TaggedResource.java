package dev.ecstags.tag;

/** One (resource, tag) entry of ListTagResources. */
public record TaggedResource(String resourceId, String resourceType, String tagKey, String tagValue) {
}
