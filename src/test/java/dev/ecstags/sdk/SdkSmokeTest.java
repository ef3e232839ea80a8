package dev.ecstags.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.ListTagResourcesRequest;
import com.aliyuncs.ecs.model.v20140526.ListTagResourcesResponse;
import com.aliyuncs.ecs.model.v20140526.TagResourcesRequest;
import com.aliyuncs.ecs.model.v20140526.UntagResourcesRequest;
import com.aliyuncs.profile.DefaultProfile;
import dev.ecstags.auth.AccessKeys;
import dev.ecstags.resource.ResourceInventory;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SdkSmokeTest {

    @LocalServerPort
    int port;
    @Autowired
    AccessKeys accessKeys;
    @Autowired
    ResourceInventory inventory;

    @Test
    void legacySdkTagsListsAndUntags() throws Exception {
        var key = accessKeys.create("100000000000001", false);
        inventory.register(List.of(new ResourceRegistration("cn-hangzhou", "instance", "i-smoke1", "100000000000001", true)));
        var profile = DefaultProfile.getProfile("cn-hangzhou", key.accessKeyId(), key.accessKeySecret());
        var client = new DefaultAcsClient(profile);

        var tag = new TagResourcesRequest();
        tag.setSysEndpoint("127.0.0.1:" + port);
        tag.setResourceType("instance");
        tag.setResourceIds(List.of("i-smoke1"));
        var t = new TagResourcesRequest.Tag();
        t.setKey("部门");
        t.setValue("财务 a*b");
        tag.setTags(List.of(t));
        client.getAcsResponse(tag);

        var list = new ListTagResourcesRequest();
        list.setSysEndpoint("127.0.0.1:" + port);
        list.setResourceType("instance");
        list.setResourceIds(List.of("i-smoke1"));
        ListTagResourcesResponse page = client.getAcsResponse(list);
        assertThat(page.getTagResources()).hasSize(1);
        assertThat(page.getTagResources().get(0).getTagKey()).isEqualTo("部门");
        assertThat(page.getTagResources().get(0).getTagValue()).isEqualTo("财务 a*b");

        var untag = new UntagResourcesRequest();
        untag.setSysEndpoint("127.0.0.1:" + port);
        untag.setResourceType("instance");
        untag.setResourceIds(List.of("i-smoke1"));
        untag.setTagKeys(List.of("部门"));
        assertThat(client.getAcsResponse(untag).getRequestId()).isNotBlank();
        assertThat(client.getAcsResponse(list).getTagResources()).isEmpty();
    }
}
