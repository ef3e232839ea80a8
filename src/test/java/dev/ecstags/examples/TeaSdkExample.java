package dev.ecstags.examples;

// README:tea-sdk
import com.aliyun.ecs20140526.Client;
import com.aliyun.ecs20140526.models.ListTagResourcesRequest;
import com.aliyun.ecs20140526.models.ListTagResourcesResponseBody;
import com.aliyun.ecs20140526.models.TagResourcesRequest;
import com.aliyun.ecs20140526.models.UntagResourcesRequest;
import com.aliyun.teaopenapi.models.Config;
import java.util.List;

/**
 * Tag, list and untag one resource with the Tea SDK (com.aliyun:ecs20140526:5.3.0). Arguments: endpoint,
 * AccessKeyId, AccessKeySecret, region, instance id; e.g. 127.0.0.1:8080 and the demo values that
 * ./mvnw spring-boot:test-run prints.
 */
public class TeaSdkExample {

    public static void main(String[] args) throws Exception {
        String regionId = args[3];
        String instanceId = args[4];
        Client client = new Client(new Config()
                .setEndpoint(args[0])
                .setAccessKeyId(args[1])
                .setAccessKeySecret(args[2])
                .setRegionId(regionId)
                .setProtocol("HTTP")); // the demo service speaks plain HTTP; leave this out against HTTPS

        client.tagResources(new TagResourcesRequest()
                .setRegionId(regionId)
                .setResourceType("instance")
                .setResourceId(List.of(instanceId))
                .setTag(List.of(new TagResourcesRequest.TagResourcesRequestTag().setKey("env").setValue("demo"))));

        ListTagResourcesResponseBody listed = client.listTagResources(new ListTagResourcesRequest()
                .setRegionId(regionId)
                .setResourceType("instance")
                .setResourceId(List.of(instanceId))).getBody();
        for (var entry : listed.getTagResources().getTagResource()) {
            System.out.println(entry.getResourceId() + " " + entry.getTagKey() + "=" + entry.getTagValue());
        }

        client.untagResources(new UntagResourcesRequest()
                .setRegionId(regionId)
                .setResourceType("instance")
                .setResourceId(List.of(instanceId))
                .setTagKey(List.of("env")));
        System.out.println("untagged " + instanceId);
    }
}
// README:end
