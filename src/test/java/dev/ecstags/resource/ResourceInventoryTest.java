package dev.ecstags.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecstags.resource.ResourceInventory.InvalidRegistrationException;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResourceInventoryTest extends ServiceTest {

    private static final String ACCOUNT = "1111111111111111";
    private static final String OTHER_ACCOUNT = "2222222222222222";

    @Test
    void registersNewResourcesWithTheTypeInLowerCase() {
        String instance = TestIds.instance();
        String disk = TestIds.resource("d-");

        int registered = inventory.register(List.of(
                new ResourceRegistration("cn-hangzhou", "Instance", instance, ACCOUNT, true),
                new ResourceRegistration("cn-hangzhou", "DISK", disk, ACCOUNT, false)));

        assertThat(registered).isEqualTo(2);
        assertThat(owners("cn-hangzhou", "instance", instance)).containsExactly(ACCOUNT + ":true");
        assertThat(owners("cn-hangzhou", "disk", disk)).containsExactly(ACCOUNT + ":false");
    }

    @Test
    void registeringAgainChangesOnlyTaggable() {
        String instance = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration("cn-hangzhou", "instance", instance, ACCOUNT, true)));
        insertTag(ACCOUNT, "cn-hangzhou", "instance", instance, "env");

        assertThat(inventory.register(
                List.of(new ResourceRegistration("cn-hangzhou", "instance", instance, ACCOUNT, true)))).isEqualTo(1);
        assertThat(owners("cn-hangzhou", "instance", instance)).containsExactly(ACCOUNT + ":true");

        inventory.register(List.of(new ResourceRegistration("cn-hangzhou", "instance", instance, ACCOUNT, false)));
        assertThat(owners("cn-hangzhou", "instance", instance)).containsExactly(ACCOUNT + ":false");
        assertThat(tagCount("cn-hangzhou", "instance", instance)).as("the tags stay with their account").isEqualTo(1);
    }

    @Test
    void registeringUnderAnotherAccountMovesTheResourceAndDropsTheOldAccountsTags() {
        String instance = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration("cn-hangzhou", "instance", instance, ACCOUNT, true)));
        insertTag(ACCOUNT, "cn-hangzhou", "instance", instance, "owner");

        inventory.register(List.of(new ResourceRegistration("cn-hangzhou", "instance", instance, OTHER_ACCOUNT, true)));

        assertThat(owners("cn-hangzhou", "instance", instance)).containsExactly(OTHER_ACCOUNT + ":true");
        assertThat(tagCount("cn-hangzhou", "instance", instance)).isZero();
    }

    @Test
    void theSameIdInAnotherRegionOrTypeIsAnotherResource() {
        String id = TestIds.resource("x-");
        inventory.register(List.of(
                new ResourceRegistration("cn-hangzhou", "instance", id, ACCOUNT, true),
                new ResourceRegistration("cn-beijing", "instance", id, OTHER_ACCOUNT, true),
                new ResourceRegistration("cn-hangzhou", "disk", id, OTHER_ACCOUNT, true)));

        assertThat(owners("cn-hangzhou", "instance", id)).containsExactly(ACCOUNT + ":true");
        assertThat(owners("cn-beijing", "instance", id)).containsExactly(OTHER_ACCOUNT + ":true");
        assertThat(owners("cn-hangzhou", "disk", id)).containsExactly(OTHER_ACCOUNT + ":true");
    }

    @Test
    void aResourceListedTwiceCountsOnceAndTheLastEntryWins() {
        String instance = TestIds.instance();

        int registered = inventory.register(List.of(
                new ResourceRegistration("cn-hangzhou", "instance", instance, ACCOUNT, true),
                new ResourceRegistration("cn-hangzhou", "INSTANCE", instance, OTHER_ACCOUNT, false)));

        assertThat(registered).isEqualTo(1);
        assertThat(owners("cn-hangzhou", "instance", instance)).containsExactly(OTHER_ACCOUNT + ":false");
    }

    @Test
    void registersAThousandResourcesInOneCall() {
        String prefix = TestIds.resource("bulk-");
        List<ResourceRegistration> thousand = IntStream.range(0, ResourceInventory.MAX_BATCH)
                .mapToObj(n -> new ResourceRegistration("cn-shanghai", "disk", prefix + "-" + n, ACCOUNT, true))
                .toList();

        assertThat(inventory.register(thousand)).isEqualTo(1000);
        assertThat(jdbc.sql("select count(*) from resource where resource_id like ?").param(prefix + "-%")
                .query(Integer.class).single()).isEqualTo(1000);
    }

    @Test
    void refusesAnEmptyOrOversizedBatch() {
        assertThatThrownBy(() -> inventory.register(List.of())).isInstanceOf(InvalidRegistrationException.class);

        List<ResourceRegistration> tooMany = new ArrayList<>();
        String prefix = TestIds.resource("over-");
        for (int n = 0; n <= ResourceInventory.MAX_BATCH; n++) {
            tooMany.add(new ResourceRegistration("cn-hangzhou", "instance", prefix + n, ACCOUNT, true));
        }
        assertThatThrownBy(() -> inventory.register(tooMany)).isInstanceOf(InvalidRegistrationException.class);
        assertThat(owners("cn-hangzhou", "instance", prefix + 0)).isEmpty();
    }

    @Test
    void anInvalidEntryRegistersNothing() {
        String valid = TestIds.instance();
        ResourceRegistration good = new ResourceRegistration("cn-hangzhou", "instance", valid, ACCOUNT, true);

        assertThatThrownBy(() -> inventory.register(List.of(good,
                new ResourceRegistration("mars-north-1", "instance", TestIds.instance(), ACCOUNT, true))))
                .isInstanceOf(InvalidRegistrationException.class)
                .hasMessageContaining("resources[1].regionId");
        assertThatThrownBy(() -> inventory.register(List.of(good,
                new ResourceRegistration("cn-hangzhou", "spaceship", TestIds.instance(), ACCOUNT, true))))
                .hasMessageContaining("resources[1].resourceType");
        assertThatThrownBy(() -> inventory.register(List.of(good,
                new ResourceRegistration("cn-hangzhou", "instance", " ", ACCOUNT, true))))
                .hasMessageContaining("resources[1].resourceId");
        assertThatThrownBy(() -> inventory.register(List.of(good,
                new ResourceRegistration("cn-hangzhou", "instance", TestIds.instance(), "12ab", true))))
                .hasMessageContaining("resources[1].accountId");

        assertThat(owners("cn-hangzhou", "instance", valid)).isEmpty();
    }

    @Test
    void removingAResourceRemovesItsTags() {
        String instance = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration("cn-hangzhou", "instance", instance, ACCOUNT, true)));
        insertTag(ACCOUNT, "cn-hangzhou", "instance", instance, "env");
        insertTag(ACCOUNT, "cn-hangzhou", "instance", instance, "team");

        assertThat(inventory.remove("cn-hangzhou", "Instance", instance)).isTrue();

        assertThat(owners("cn-hangzhou", "instance", instance)).isEmpty();
        assertThat(tagCount("cn-hangzhou", "instance", instance)).isZero();
    }

    @Test
    void removingAnUnknownResourceSaysSo() {
        String instance = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration("cn-hangzhou", "instance", instance, ACCOUNT, true)));

        assertThat(inventory.remove("cn-hangzhou", "instance", TestIds.instance())).isFalse();
        assertThat(inventory.remove("cn-beijing", "instance", instance)).isFalse();
        assertThat(inventory.remove("cn-hangzhou", "disk", instance)).isFalse();
        assertThat(inventory.remove("cn-hangzhou", "spaceship", instance)).isFalse();
        assertThat(owners("cn-hangzhou", "instance", instance)).containsExactly(ACCOUNT + ":true");
    }

    /** "account:taggable" of every row that has this identity; more than one would be a bug. */
    private List<String> owners(String regionId, String type, String resourceId) {
        return jdbc.sql("""
                select account_id || ':' || taggable from resource
                where region_id = ? and resource_type = ? and resource_id = ?""")
                .params(regionId, type, resourceId)
                .query(String.class)
                .list();
    }

    private void insertTag(String accountId, String regionId, String type, String resourceId, String key) {
        jdbc.sql("""
                insert into tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value)
                values (?, ?, ?, ?, ?, 'v')""")
                .params(accountId, regionId, type, resourceId, key)
                .update();
    }

    private int tagCount(String regionId, String type, String resourceId) {
        return jdbc.sql("select count(*) from tag where region_id = ? and resource_type = ? and resource_id = ?")
                .params(regionId, type, resourceId)
                .query(Integer.class)
                .single();
    }
}
