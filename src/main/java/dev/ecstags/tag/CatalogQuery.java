package dev.ecstags.tag;

import java.util.List;

/**
 * What DescribeTags reads ({@link TagCatalogStore#describe}).
 *
 * @param type       a resource type's wire name, or null for every type
 * @param resourceId one resource, or null
 * @param tags       pairs to select ({@code value} null: every value of the key), any matching; empty: all
 */
record CatalogQuery(String accountId, String regionId, String type, String resourceId, boolean privateTags,
        List<TagParameter> tags) {
}
