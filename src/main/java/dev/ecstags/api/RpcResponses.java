package dev.ecstags.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ecstags.tag.CatalogEntry;
import dev.ecstags.tag.TagCatalogPage;
import dev.ecstags.tag.TagPage;
import dev.ecstags.tag.TaggedResource;
import java.util.List;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;

/** The bodies of RPC responses; the renderer names their fields in PascalCase, as the API does. */
final class RpcResponses {

    private RpcResponses() {
    }

    /** UntagResources and TagResources answer with their RequestId alone. */
    record RequestIdOnly(String requestId) {
    }

    @JsonPropertyOrder({"RequestId", "NextToken", "TagResources"})
    record TagResourcesPage(String requestId, String nextToken, TagResources tagResources) {

        static TagResourcesPage of(String requestId, TagPage page) {
            return new TagResourcesPage(requestId, page.nextToken(), new TagResources(page.tagResources()));
        }
    }

    /** SDKs read a wrapped list: {@code "TagResources":{"TagResource":[…]}}. */
    record TagResources(@JacksonXmlElementWrapper(useWrapping = false) List<TaggedResource> tagResource) {
    }

    @JsonPropertyOrder({"RequestId", "PageSize", "PageNumber", "TotalCount", "Tags"})
    record DescribeTagsPage(String requestId, int pageSize, int pageNumber, long totalCount, Tags tags) {

        static DescribeTagsPage of(String requestId, TagCatalogPage page) {
            return new DescribeTagsPage(requestId, page.pageSize(), page.pageNumber(), page.totalCount(),
                    new Tags(page.tags().stream().map(CatalogTag::of).toList()));
        }
    }

    /** {@code "Tags":{"Tag":[…]}}, as both SDKs' DescribeTags responses read it. */
    record Tags(@JacksonXmlElementWrapper(useWrapping = false) List<CatalogTag> tag) {
    }

    @JsonPropertyOrder({"TagKey", "TagValue", "ResourceTypeCount"})
    record CatalogTag(String tagKey, String tagValue, ResourceTypeCount resourceTypeCount) {

        static CatalogTag of(CatalogEntry entry) {
            return new CatalogTag(entry.tagKey(), entry.tagValue(), ResourceTypeCount.of(entry.resourcesByType()));
        }
    }

    /**
     * The resources of each type that carry a pair: the twelve types the SDKs model, zero where none does. Pairs
     * carried only by the other taggable types (ddhcluster, command…) are listed with zero counts.
     */
    record ResourceTypeCount(long instance, long disk, long volume, long image, long snapshot, long securitygroup,
            long launchTemplate, long eni, long ddh, long keyPair, long snapshotPolicy,
            long reservedInstance) {

        static ResourceTypeCount of(java.util.Map<String, Long> byType) {
            return new ResourceTypeCount(count(byType, "instance"), count(byType, "disk"), count(byType, "volume"),
                    count(byType, "image"), count(byType, "snapshot"), count(byType, "securitygroup"),
                    count(byType, "launchtemplate"), count(byType, "eni"), count(byType, "ddh"),
                    count(byType, "keypair"), count(byType, "snapshotpolicy"), count(byType, "reservedinstance"));
        }

        private static long count(java.util.Map<String, Long> byType, String type) {
            return byType.getOrDefault(type, 0L);
        }
    }

    @JsonPropertyOrder({"RequestId", "HostId", "Code", "Message"})
    record Error(String requestId, String hostId, String code, String message) {
    }
}
