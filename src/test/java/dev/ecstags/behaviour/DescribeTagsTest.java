package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.support.RpcResponse;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DescribeTags as a caller sees it: every (key, value) pair of the account's region once, by key then value, with
 * how many resources of each type carry it; narrowed by type, resource and Tag.N; paged by number; private tags
 * only for a service key with Scope=private; nothing of another account or region.
 */
class DescribeTagsTest extends ServiceTest {

    static final String REGION = "cn-hangzhou";

    IssuedAccessKey key;
    String web1;
    String web2;
    String disk;

    @BeforeEach
    void anAccountWithTwoInstancesAndADisk() {
        key = newNormalKey();
        web1 = register("instance");
        web2 = register("instance");
        disk = register("disk");
        tag("instance", List.of(web1, web2), "env", "prod");
        tag("instance", List.of(web1), "team", "blue");
        tag("instance", List.of(web2), "team", "red");
        tag("disk", List.of(disk), "env", "prod");
    }

    @Test
    void listsEveryPairOnceWithItsCountsByType() {
        var response = describe().send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.field("TotalCount")).isEqualTo("3");
        assertThat(response.field("PageNumber")).isEqualTo("1");
        assertThat(response.field("PageSize")).isEqualTo("50");
        assertThat(pairs(response)).containsExactly("env=prod i2 d1", "team=blue i1 d0", "team=red i1 d0");
        JsonNode counts = tags(response).get(0).get("ResourceTypeCount");
        assertThat(counts.propertyNames()).containsExactly("Instance", "Disk", "Volume", "Image", "Snapshot",
                "Securitygroup", "LaunchTemplate", "Eni", "Ddh", "KeyPair", "SnapshotPolicy", "ReservedInstance");
    }

    @Test
    void pagesByNumber() {
        var second = describe().param("PageSize", "2").param("PageNumber", "2").send();
        assertThat(second.field("TotalCount")).isEqualTo("3");
        assertThat(pairs(second)).containsExactly("team=red i1 d0");

        var beyond = describe().param("PageSize", "2").param("PageNumber", "3").send();
        assertThat(beyond.field("TotalCount")).isEqualTo("3");
        assertThat(pairs(beyond)).isEmpty();
    }

    @Test
    void narrowsByTypeResourceAndTags() {
        assertThat(pairs(describe().param("ResourceType", "disk").send())).containsExactly("env=prod i0 d1");
        assertThat(pairs(describe().param("ResourceType", "INSTANCE").send()))
                .containsExactly("env=prod i2 d0", "team=blue i1 d0", "team=red i1 d0");
        assertThat(pairs(describe().param("ResourceId", web2).send())).containsExactly("env=prod i1 d0",
                "team=red i1 d0");
        assertThat(pairs(describe().param("Tag.1.Key", "team").send())).containsExactly("team=blue i1 d0",
                "team=red i1 d0");
        assertThat(pairs(describe().param("Tag.1.Key", "team").param("Tag.1.Value", "red")
                .param("Tag.2.Key", "env").send())).containsExactly("env=prod i2 d1", "team=red i1 d0");
        assertThat(pairs(describe().param("ResourceId", "i-nosuchresource").send())).isEmpty();
    }

    @Test
    void answersInXmlAsTheSdksReadIt() {
        var response = describe().format("XML").send();

        assertThat(response.xmlRootElement()).isEqualTo("DescribeTagsResponse");
        assertThat(response.body()).contains("<Tags><Tag><TagKey>env</TagKey><TagValue>prod</TagValue>"
                + "<ResourceTypeCount><Instance>2</Instance><Disk>1</Disk>");
    }

    @Test
    void showsPrivateTagsOnlyToAServiceKeyAskingForThem() {
        var service = newServiceKey();
        assertThat(rpc.v1(service).action("TagResources").param("RegionId", REGION).param("ResourceType", "instance")
                .param("ResourceId.1", web1).param("TagOwnerUid", key.accountId()).param("TagOwnerBid", "26842")
                .param("Scope", "private").param("Tag.1.Key", "acs:system").param("Tag.1.Value", "on").send()
                .status()).isEqualTo(200);

        assertThat(pairs(describe().send())).doesNotContain("acs:system=on i1 d0");
        assertThat(pairs(describe().param("Category", "System").send())).isEmpty();
        var asService = rpc.v1(service).action("DescribeTags").param("RegionId", REGION)
                .param("TagOwnerUid", key.accountId()).param("TagOwnerBid", "26842").param("Scope", "private");
        assertThat(pairs(asService.send())).containsExactly("acs:system=on i1 d0");
    }

    @Test
    void seesNothingOfAnotherAccountOrRegion() {
        var other = newNormalKey();
        assertThat(pairs(rpc.v1(other).action("DescribeTags").param("RegionId", REGION).send())).isEmpty();
        assertThat(pairs(describe().param("RegionId", "cn-beijing").send())).isEmpty();
    }

    private TestSigner.V1 describe() {
        return rpc.v1(key).action("DescribeTags").param("RegionId", REGION);
    }

    private String register(String type) {
        String id = type.charAt(0) + "-" + TestIds.instance().substring(2);
        inventory.register(List.of(new ResourceRegistration(REGION, type, id, key.accountId(), true)));
        return id;
    }

    private void tag(String type, List<String> ids, String tagKey, String tagValue) {
        var call = rpc.v1(key).action("TagResources").param("RegionId", REGION).param("ResourceType", type)
                .param("Tag.1.Key", tagKey).param("Tag.1.Value", tagValue);
        for (int i = 0; i < ids.size(); i++) {
            call.param("ResourceId." + (i + 1), ids.get(i));
        }
        assertThat(call.send().status()).isEqualTo(200);
    }

    private static JsonNode tags(RpcResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode tag = response.tree().get("Tags").get("Tag");
        return tag == null ? response.tree().get("Tags") : tag;
    }

    /** {@code key=value iN dM}: the pair with its instance and disk counts. */
    private static List<String> pairs(RpcResponse response) {
        var pairs = new ArrayList<String>();
        JsonNode tags = tags(response);
        if (tags == null) {
            return pairs;
        }
        for (JsonNode tag : tags) {
            JsonNode counts = tag.get("ResourceTypeCount");
            pairs.add(tag.get("TagKey").asString() + "=" + tag.get("TagValue").asString() + " i"
                    + counts.get("Instance").asInt() + " d" + counts.get("Disk").asInt());
        }
        return pairs;
    }
}
