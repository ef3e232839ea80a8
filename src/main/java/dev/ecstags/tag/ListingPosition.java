package dev.ecstags.tag;

/** Where the previous page of a listing ended, as its {@code NextToken} carries it ({@link NextTokens}). */
record ListingPosition(String resourceId, String tagKey) {
}
