package dev.ecstags.tag;

import java.util.List;
import java.util.Map;

/**
 * One page of DescribeTags.
 *
 * @param totalCount how many (key, value) pairs match, over all pages
 */
public record TagCatalogPage(int pageNumber, int pageSize, long totalCount, List<Entry> tags) {

    /** @param resourcesByType resource type (wire name) to how many resources of it carry the pair */
    public record Entry(String tagKey, String tagValue, Map<String, Long> resourcesByType) {
    }
}
