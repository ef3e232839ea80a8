package dev.ecstags.sdk;

import com.aliyun.ecs20140526.Client;
import com.aliyun.ecs20140526.models.DescribeTagsRequest;
import com.aliyun.ecs20140526.models.ListTagResourcesRequest;
import com.aliyun.ecs20140526.models.TagResourcesRequest;
import com.aliyun.ecs20140526.models.UntagResourcesRequest;
import com.aliyun.tea.TeaException;
import dev.ecstags.auth.IssuedAccessKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** ecs20140526 5.3.0 on tea-openapi 0.3.5: V3 by default, V1 HMAC-SHA1 with {@code signatureAlgorithm=v2}. */
final class TeaSdk implements TagSdk {

    private final Client client;
    private final boolean hmacSha1;

    TeaSdk(IssuedAccessKey key, int port, boolean hmacSha1) {
        this.client = SdkClients.tea(key, port, hmacSha1);
        this.hmacSha1 = hmacSha1;
    }

    @Override
    public void tag(String resourceType, List<String> resourceIds, Map<String, String> tags) {
        var tagList = new ArrayList<TagResourcesRequest.TagResourcesRequestTag>();
        tags.forEach((key, value) -> tagList.add(new TagResourcesRequest.TagResourcesRequestTag().setKey(key)
                .setValue(value)));
        var request = new TagResourcesRequest()
                .setRegionId(SdkClients.REGION)
                .setResourceType(resourceType)
                .setResourceId(resourceIds)
                .setTag(tagList);
        send(() -> client.tagResourcesWithOptions(request, SdkClients.teaRuntime()));
    }

    @Override
    public void untag(String resourceType, List<String> resourceIds, List<String> tagKeys, Boolean all) {
        var request = new UntagResourcesRequest()
                .setRegionId(SdkClients.REGION)
                .setResourceType(resourceType)
                .setResourceId(resourceIds)
                .setTagKey(tagKeys)
                .setAll(all);
        send(() -> client.untagResourcesWithOptions(request, SdkClients.teaRuntime()));
    }

    @Override
    public Page list(ListQuery query) {
        var tagList = TagSdk.tagModels(query.tags(),
                (key, value) -> new ListTagResourcesRequest.ListTagResourcesRequestTag().setKey(key).setValue(value));
        var request = new ListTagResourcesRequest()
                .setRegionId(SdkClients.REGION)
                .setResourceType(query.resourceType())
                .setResourceId(query.resourceIds().isEmpty() ? null : query.resourceIds())
                .setTag(tagList.isEmpty() ? null : tagList)
                .setNextToken(query.nextToken());
        if (query.filterKey() != null) {
            request.setTagFilter(List.of(new ListTagResourcesRequest.ListTagResourcesRequestTagFilter()
                    .setTagKey(query.filterKey())
                    .setTagValues(query.filterValues().isEmpty() ? null : query.filterValues())));
        }
        var body = send(() -> client.listTagResourcesWithOptions(request, SdkClients.teaRuntime())).getBody();
        var entries = body.getTagResources().getTagResource().stream()
                .map(entry -> new Entry(entry.getResourceId(), entry.getResourceType(), entry.getTagKey(),
                        entry.getTagValue()))
                .toList();
        return new Page(entries, body.getNextToken());
    }

    @Override
    public Catalog describe(DescribeQuery query) {
        var tagList = TagSdk.tagModels(query.tags(),
                (key, value) -> new DescribeTagsRequest.DescribeTagsRequestTag().setKey(key).setValue(value));
        var request = new DescribeTagsRequest()
                .setRegionId(SdkClients.REGION)
                .setResourceType(query.resourceType())
                .setResourceId(query.resourceId())
                .setTag(tagList.isEmpty() ? null : tagList)
                .setPageNumber(query.pageNumber())
                .setPageSize(query.pageSize());
        var body = send(() -> client.describeTagsWithOptions(request, SdkClients.teaRuntime())).getBody();
        var tags = body.getTags().getTag().stream()
                .map(tag -> CatalogTag.of(tag.getTagKey(), tag.getTagValue(), tag.getResourceTypeCount()))
                .toList();
        return new Catalog(body.getRequestId(), body.getPageSize(), body.getPageNumber(), body.getTotalCount(),
                tags);
    }

    private static <T> T send(Callable<T> call) {
        try {
            return call.call();
        } catch (TeaException refused) {
            throw new SdkRefusal(refused.getCode(), refused.getMessage(), refused.getStatusCode(),
                    refused.getStatusCode() >= 500);
        } catch (Exception e) {
            throw new IllegalStateException("The call did not complete: " + e, e);
        }
    }

    @Override
    public String toString() {
        return hmacSha1 ? "Tea v2 (HMAC-SHA1)" : "Tea V3";
    }
}
