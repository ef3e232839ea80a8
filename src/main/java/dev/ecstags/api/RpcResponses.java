package dev.ecstags.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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

    @JsonPropertyOrder({"RequestId", "HostId", "Code", "Message"})
    record Error(String requestId, String hostId, String code, String message) {
    }
}
