package dev.ecstags.tag;

import java.util.List;

/** One page of ListTagResources; {@code nextToken} is "" on the last page. */
public record TagPage(List<TaggedResource> tagResources, String nextToken) {
}
