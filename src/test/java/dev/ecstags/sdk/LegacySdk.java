package dev.ecstags.sdk;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.SignatureVersion;
import com.aliyuncs.ecs.model.v20140526.DescribeTagsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeTagsResponse;
import com.aliyuncs.ecs.model.v20140526.ListTagResourcesRequest;
import com.aliyuncs.ecs.model.v20140526.TagResourcesRequest;
import com.aliyuncs.ecs.model.v20140526.UntagResourcesRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import dev.ecstags.auth.IssuedAccessKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** aliyun-java-sdk-core 4.7.3 with aliyun-java-sdk-ecs 5.11.7, in one signature version, method and format. */
final class LegacySdk implements TagSdk {

    private final DefaultAcsClient client;
    private final String endpoint;
    private final SignatureVersion signatureVersion;
    private final MethodType method;
    private final FormatType format;

    LegacySdk(IssuedAccessKey key, int port, SignatureVersion signatureVersion, MethodType method, FormatType format) {
        this.client = SdkClients.legacy(key, signatureVersion);
        this.endpoint = SdkClients.endpoint(port);
        this.signatureVersion = signatureVersion;
        this.method = method;
        this.format = format;
    }

    @Override
    public void tag(String resourceType, List<String> resourceIds, Map<String, String> tags) throws Exception {
        var request = new TagResourcesRequest();
        request.setResourceType(resourceType);
        request.setResourceIds(resourceIds);
        var tagList = new ArrayList<TagResourcesRequest.Tag>();
        tags.forEach((key, value) -> {
            var tag = new TagResourcesRequest.Tag();
            tag.setKey(key);
            tag.setValue(value);
            tagList.add(tag);
        });
        request.setTags(tagList);
        send(request);
    }

    @Override
    public void untag(String resourceType, List<String> resourceIds, List<String> tagKeys, Boolean all)
            throws Exception {
        var request = new UntagResourcesRequest();
        request.setResourceType(resourceType);
        request.setResourceIds(resourceIds);
        if (tagKeys != null) {
            request.setTagKeys(tagKeys);
        }
        if (all != null) {
            request.setAll(all);
        }
        send(request);
    }

    @Override
    public Page list(ListQuery query) throws Exception {
        var request = new ListTagResourcesRequest();
        request.setResourceType(query.resourceType());
        request.setResourceIds(query.resourceIds());
        var tagList = TagSdk.tagModels(query.tags(), LegacySdk::listTag);
        request.setTags(tagList);
        if (query.filterKey() != null) {
            var filter = new ListTagResourcesRequest.TagFilter();
            filter.setTagKey(query.filterKey());
            filter.setTagValuess(query.filterValues());
            request.setTagFilters(List.of(filter));
        }
        if (query.nextToken() != null) {
            request.setNextToken(query.nextToken());
        }
        var response = send(request);
        var entries = response.getTagResources().stream()
                .map(entry -> new Entry(entry.getResourceId(), entry.getResourceType(), entry.getTagKey(),
                        entry.getTagValue()))
                .toList();
        return new Page(entries, response.getNextToken());
    }

    @Override
    public Catalog describe(DescribeQuery query) throws Exception {
        var request = new DescribeTagsRequest();
        if (query.resourceType() != null) {
            request.setResourceType(query.resourceType());
        }
        if (query.resourceId() != null) {
            request.setResourceId(query.resourceId());
        }
        var tagList = TagSdk.tagModels(query.tags(), LegacySdk::describeTag);
        if (!tagList.isEmpty()) {
            request.setTags(tagList);
        }
        if (query.pageNumber() != null) {
            request.setPageNumber(query.pageNumber());
        }
        if (query.pageSize() != null) {
            request.setPageSize(query.pageSize());
        }
        DescribeTagsResponse response = send(request);
        var tags = response.getTags().stream()
                .map(tag -> CatalogTag.of(tag.getTagKey(), tag.getTagValue(), tag.getResourceTypeCount()))
                .toList();
        return new Catalog(response.getRequestId(), response.getPageSize(), response.getPageNumber(),
                response.getTotalCount(), tags);
    }

    private static ListTagResourcesRequest.Tag listTag(String key, String value) {
        var tag = new ListTagResourcesRequest.Tag();
        tag.setKey(key);
        tag.setValue(value);
        return tag;
    }

    private static DescribeTagsRequest.Tag describeTag(String key, String value) {
        var tag = new DescribeTagsRequest.Tag();
        tag.setKey(key);
        tag.setValue(value);
        return tag;
    }

    private <T extends AcsResponse> T send(AcsRequest<T> request) throws ClientException {
        request.setSysEndpoint(endpoint);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysMethod(method);
        request.setSysAcceptFormat(format);
        if (signatureVersion == SignatureVersion.V3) {
            // In V3 mode the SDK no longer adds the profile's region itself (alibaba-rpc-tag-api.md §3.4).
            request.putQueryParameter("RegionId", SdkClients.REGION);
        }
        try {
            return client.getAcsResponse(request);
        } catch (ServerException refused) {
            throw new SdkRefusal(refused.getErrCode(), refused.getErrMsg(), statusOf(request), true);
        } catch (ClientException refused) {
            if (refused.getErrCode() != null && refused.getErrCode().startsWith("SDK.")) {
                throw refused; // the SDK's own failure, not an answer of the service
            }
            throw new SdkRefusal(refused.getErrCode(), refused.getErrMsg(), statusOf(request), false);
        }
    }

    /** The exceptions carry no status; the same (refused, so harmless) call is made again for its raw answer. */
    private int statusOf(AcsRequest<?> request) throws ClientException {
        return client.doAction(request).getStatus();
    }

    @Override
    public String toString() {
        return "legacy " + signatureVersion + " " + method + " " + format;
    }
}
