package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.resource.ResourceRegistration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ResourceType is compared case-insensitively and answered lower-case; region and type scope every call. */
class ResourceTypeAndRegionTest extends TagBehaviourTest {

    @Test
    void resourceTypeInAnyCaseIsAnsweredLowerCase() {
        var account = newAccount();
        var resource = instanceOf(account);

        assertOk(tag(account.key(), Parameters.instances(resource).with("ResourceType", "INSTANCE").tags("k", "v")));
        var page = list(account.key(), Parameters.instances(resource).with("ResourceType", "Instance"));

        assertOk(page);
        assertThat(page.tagResources()).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("ResourceType", "instance").containsEntry("ResourceId", resource);
        });
        assertOk(untag(account.key(), Parameters.instances(resource).with("ResourceType", "iNsTaNcE").tagKeys("k")));
        assertThat(tagsOf(account.key(), resource)).isEmpty();
    }

    @Test
    void aResourceIsFoundOnlyUnderItsOwnTypeAndRegion() {
        var account = newAccount();
        var disk = "d-" + instanceOf(account).substring(2);
        inventory.register(List.of(new ResourceRegistration("cn-beijing", "disk", disk, account.id(), true)));
        var inBeijing = new Parameters().with("RegionId", "cn-beijing").with("ResourceType", "disk").resources(disk);

        assertOk(tag(account.key(), inBeijing.tags("k", "v")));
        assertRefused(tag(account.key(), Parameters.instances(disk).with("ResourceType", "disk").tags("k", "v")),
                404, "InvalidResourceId.NotFound");
        assertRefused(tag(account.key(), new Parameters().with("RegionId", "cn-beijing")
                .with("ResourceType", "instance").resources(disk).tags("k", "v")), 404, "InvalidResourceId.NotFound");

        var listed = list(account.key(), inBeijing);
        assertOk(listed);
        assertThat(listed.tagResources()).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("ResourceType", "disk"));
    }

    @Test
    void anUnknownResourceTypeIsRefusedAsSuchInEveryAction() {
        var account = newAccount();
        var resource = instanceOf(account);
        var bucket = Parameters.instances(resource).with("ResourceType", "bucket");

        assertRefused(tag(account.key(), bucket.tags("k", "v")), 404, "InvalidResourceType.NotFound");
        assertRefused(untag(account.key(), Parameters.instances(resource).with("ResourceType", "bucket")
                .tagKeys("k")), 404, "InvalidResourceType.NotFound");
        assertRefused(list(account.key(), Parameters.instances(resource).with("ResourceType", "bucket")),
                404, "InvalidResourceType.NotFound");
        assertRefused(tag(account.key(), new Parameters().with("RegionId", "cn-hangzhou").resources(resource)
                .tags("k", "v")), 404, "MissingParameter.ResourceType");
    }

    @Test
    void anUnknownOrMissingRegionIsRefusedAsSuch() {
        var account = newAccount();
        var resource = instanceOf(account);

        assertRefused(tag(account.key(), Parameters.instances(resource).with("RegionId", "xx-nowhere-1")
                .tags("k", "v")), 404, "InvalidRegionId.NotFound");
        assertRefused(list(account.key(), Parameters.instances(resource).with("RegionId", "xx-nowhere-1")),
                404, "InvalidRegionId.NotFound");
        assertRefused(untag(account.key(), new Parameters().with("ResourceType", "instance").resources(resource)
                .tagKeys("k")), 404, "MissingParameter.RegionId");
        assertThat(tagsOf(account.key(), resource)).isEqualTo(Map.of());
    }
}
