package dev.ecstags.tag;

import java.util.Map;

/**
 * One (key, value) pair of the tag catalog (DescribeTags).
 *
 * @param resourcesByType resource type (wire name) to how many resources of it carry the pair
 */
public record CatalogEntry(String tagKey, String tagValue, Map<String, Long> resourcesByType) {
}
