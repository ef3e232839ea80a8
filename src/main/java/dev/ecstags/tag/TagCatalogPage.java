package dev.ecstags.tag;

import java.util.List;

/**
 * One page of DescribeTags.
 *
 * @param totalCount how many (key, value) pairs match, over all pages
 */
public record TagCatalogPage(int pageNumber, int pageSize, long totalCount, List<CatalogEntry> tags) {
}
