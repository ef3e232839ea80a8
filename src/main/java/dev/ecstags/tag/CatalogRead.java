package dev.ecstags.tag;

/** A page of the catalog, and whether the request's nonce was new (if not, the page is not to be shown). */
record CatalogRead(boolean nonceFresh, TagCatalogPage page) {
}
