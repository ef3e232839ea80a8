package dev.ecstags.examples;

// README:legacy-sdk
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.ListTagResourcesRequest;
import com.aliyuncs.ecs.model.v20140526.ListTagResourcesResponse;
import com.aliyuncs.ecs.model.v20140526.TagResourcesRequest;
import com.aliyuncs.ecs.model.v20140526.UntagResourcesRequest;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import java.util.List;

/**
 * Tag, list and untag one resource with the legacy Java SDK (com.aliyun:aliyun-java-sdk-core:4.7.3 and
 * com.aliyun:aliyun-java-sdk-ecs:5.11.7). Arguments: endpoint, AccessKeyId, AccessKeySecret, region, instance id;
 * e.g. 127.0.0.1:8080 and the demo values that ./mvnw spring-boot:test-run prints.
 */
public class LegacySdkExample {

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String regionId = args[3];
        String instanceId = args[4];
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile(regionId, args[1], args[2]));

        TagResourcesRequest tag = new TagResourcesRequest();
        tag.setSysEndpoint(endpoint);
        tag.setSysProtocol(ProtocolType.HTTP); // the demo service speaks plain HTTP
        tag.setResourceType("instance");
        tag.setResourceIds(List.of(instanceId));
        TagResourcesRequest.Tag env = new TagResourcesRequest.Tag();
        env.setKey("env");
        env.setValue("demo");
        tag.setTags(List.of(env));
        client.getAcsResponse(tag);

        ListTagResourcesRequest list = new ListTagResourcesRequest();
        list.setSysEndpoint(endpoint);
        list.setSysProtocol(ProtocolType.HTTP);
        list.setResourceType("instance");
        list.setResourceIds(List.of(instanceId));
        for (ListTagResourcesResponse.TagResource entry : client.getAcsResponse(list).getTagResources()) {
            System.out.println(entry.getResourceId() + " " + entry.getTagKey() + "=" + entry.getTagValue());
        }

        UntagResourcesRequest untag = new UntagResourcesRequest();
        untag.setSysEndpoint(endpoint);
        untag.setSysProtocol(ProtocolType.HTTP);
        untag.setResourceType("instance");
        untag.setResourceIds(List.of(instanceId));
        untag.setTagKeys(List.of("env"));
        client.getAcsResponse(untag);
        System.out.println("untagged " + instanceId);
    }
}
// README:end
