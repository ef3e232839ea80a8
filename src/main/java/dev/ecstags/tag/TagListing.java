package dev.ecstags.tag;

import java.util.List;

/**
 * What {@link TagStore#find} read: a page of a listing, and whether the request's nonce was new (if not, the page is
 * not to be shown).
 */
record TagListing(boolean nonceFresh, List<TaggedResource> entries) {
}
