package dev.ecstags.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.support.RpcResponse;
import dev.ecstags.support.TestIds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tag history as an auditor reads it through the admin API: what each call recorded (who, when, before and
 * after), what is not recorded (failed calls, calls that change nothing), keyset paging and filters, and the tags
 * of a resource as of every past instant against a model of the changes made.
 */
class TagHistoryApiTest extends AdminApiTest {

    static final String REGION = "cn-hangzhou";

    String account;
    IssuedAccessKey key;

    @BeforeEach
    void anAccount() {
        key = newNormalKey();
        account = key.accountId();
    }

    @Test
    void recordsWhoChangedWhichTagWhenWithTheValueBeforeAndAfter() {
        String instance = register("instance");
        String first = ok(tag(instance, Map.of("env", "prod"))).requestIdHeader();
        String second = ok(tag(instance, Map.of("env", "test", "team", "blue"))).requestIdHeader();
        String third = ok(untag(instance, "env")).requestIdHeader();

        JsonNode changes = changes("accountId=" + account).get("changes");

        var lines = lines(changes);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("UntagResources env test->null");
        // One request's changes share its RequestId; their order among themselves is not defined.
        assertThat(lines.subList(1, 3)).containsExactlyInAnyOrder("TagResources env prod->test",
                "TagResources team null->blue");
        assertThat(lines.get(3)).isEqualTo("TagResources env null->prod");
        JsonNode newest = changes.get(0);
        assertThat(newest.get("requestId").asString()).isEqualTo(third);
        assertThat(newest.get("accessKeyId").asString()).isEqualTo(key.accessKeyId());
        assertThat(newest.get("accountId").asString()).isEqualTo(account);
        assertThat(newest.get("regionId").asString()).isEqualTo(REGION);
        assertThat(newest.get("resourceType").asString()).isEqualTo("instance");
        assertThat(newest.get("resourceId").asString()).isEqualTo(instance);
        assertThat(newest.get("private").asBoolean()).isFalse();
        assertThat(Instant.parse(newest.get("changedAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(changes.get(1).get("requestId").asString()).isEqualTo(second);
        assertThat(changes.get(2).get("requestId").asString()).isEqualTo(second);
        assertThat(changes.get(3).get("requestId").asString()).isEqualTo(first);
    }

    @Test
    void recordsNothingForAFailedCallOrACallThatChangesNothing() {
        String instance = register("instance");
        ok(tag(instance, Map.of("env", "prod")));
        int before = changes("accountId=" + account).get("changes").size();

        assertThat(tag(instance, Map.of("acs:bad", "v")).status()).isEqualTo(400);
        assertThat(rpc.v1(key).action("TagResources").param("RegionId", REGION).param("ResourceType", "instance")
                .param("ResourceId.1", instance).param("ResourceId.2", "i-nosuchresource")
                .param("Tag.1.Key", "k").param("Tag.1.Value", "v").send().status()).isEqualTo(404);
        ok(untag(instance, "absent"));
        ok(tag(instance, Map.of("env", "prod")));

        assertThat(changes("accountId=" + account).get("changes").size()).isEqualTo(before);
    }

    @Test
    void recordsUntagAllTagsRemovedWithAResourceAndTagsDroppedByAMove() {
        String kept = register("instance");
        String removed = register("instance");
        String moved = register("instance");
        ok(tag(kept, Map.of("a", "1", "b", "2")));
        ok(tag(removed, Map.of("c", "3")));
        ok(tag(moved, Map.of("d", "4")));

        ok(rpc.v1(key).action("UntagResources").param("RegionId", REGION).param("ResourceType", "instance")
                .param("ResourceId.1", kept).param("All", "true").send());
        assertThat(admin.call("DELETE", "/admin/v1/resources/" + REGION + "/instance/" + removed, null).status())
                .isEqualTo(204);
        inventory.register(List.of(new ResourceRegistration(REGION, "instance", moved, TestIds.account(), true)));

        JsonNode changes = changes("accountId=" + account + "&limit=4").get("changes");
        var lines = lines(changes);
        assertThat(lines.subList(0, 2)).containsExactly("MoveResource d 4->null", "DeleteResource c 3->null");
        // The untag's two changes share its RequestId; their order among themselves is not defined.
        assertThat(lines.subList(2, 4)).containsExactlyInAnyOrder("UntagResources b 2->null",
                "UntagResources a 1->null");
        assertThat(changes.get(0).get("accessKeyId").asString()).isEqualTo("admin");
        assertThat(changes.get(0).get("requestId").asString()).matches("[0-9A-F-]{36}");
    }

    @Test
    void pagesNewestFirstAndFilters() {
        String first = register("instance");
        String second = register("instance");
        var other = accessKeys.create(account, false);
        for (int i = 0; i < 5; i++) {
            ok(tag(first, Map.of("k" + i, "v")));
        }
        ok(rpc.v1(other).action("TagResources").param("RegionId", REGION).param("ResourceType", "instance")
                .param("ResourceId.1", second).param("Tag.1.Key", "k0").param("Tag.1.Value", "w").send());

        var seen = new ArrayList<String>();
        String token = null;
        do {
            JsonNode page = changes("accountId=" + account + "&limit=2" + (token == null ? "" : "&pageToken=" + token));
            assertThat(page.get("changes").size()).isLessThanOrEqualTo(2);
            seen.addAll(lines(page.get("changes")));
            token = page.get("nextPageToken").isNull() ? null : page.get("nextPageToken").asString();
        } while (token != null);
        assertThat(seen).containsExactly("TagResources k0 null->w", "TagResources k4 null->v",
                "TagResources k3 null->v", "TagResources k2 null->v", "TagResources k1 null->v",
                "TagResources k0 null->v");

        assertThat(lines(changes("accountId=" + account + "&tagKey=k0").get("changes")))
                .containsExactly("TagResources k0 null->w", "TagResources k0 null->v");
        assertThat(lines(changes("accountId=" + account + "&resourceId=" + second).get("changes")))
                .containsExactly("TagResources k0 null->w");
        assertThat(lines(changes("accountId=" + account + "&accessKeyId=" + other.accessKeyId()).get("changes")))
                .containsExactly("TagResources k0 null->w");
        assertThat(lines(changes("accountId=" + account + "&resourceType=INSTANCE&regionId=" + REGION + "&limit=1")
                .get("changes"))).containsExactly("TagResources k0 null->w");
        assertThat(changes("accountId=" + account + "&regionId=cn-beijing").get("changes")).isEmpty();
        assertThat(changes("accountId=" + TestIds.account()).get("changes")).isEmpty();
        assertThat(changes("accountId=" + account + "&from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z")
                .get("changes")).isEmpty();
        Instant now = Instant.now().plusSeconds(60);
        assertThat(changes("accountId=" + account + "&from=2000-01-01T00:00:00Z&to=" + now).get("changes"))
                .hasSize(6);
    }

    @Test
    void showsPrivateTagsMarked() {
        String instance = register("instance");
        var service = newServiceKey();
        ok(rpc.v1(service).action("TagResources").param("RegionId", REGION).param("ResourceType", "instance")
                .param("ResourceId.1", instance).param("TagOwnerUid", account).param("TagOwnerBid", "26842")
                .param("Scope", "private").param("Tag.1.Key", "acs:system").param("Tag.1.Value", "on").send());

        JsonNode change = changes("accountId=" + account).get("changes").get(0);
        assertThat(change.get("private").asBoolean()).isTrue();
        assertThat(change.get("accessKeyId").asString()).isEqualTo(service.accessKeyId());
        JsonNode tags = asOf(instance, Instant.now().plusSeconds(1)).get("tags");
        assertThat(tags.get(0).get("key").asString()).isEqualTo("acs:system");
        assertThat(tags.get(0).get("private").asBoolean()).isTrue();
    }

    @Test
    void rebuildsTheTagsOfAResourceAsOfEveryPastInstant() {
        String instance = register("instance");
        ok(tag(instance, Map.of("pre", "existing")));
        // Tags from before the history: the rebuild starts from the current tags and undoes later changes.
        jdbc.sql("delete from tag_history where account_id = ?").param(account).update();

        var random = new Random(42);
        var model = new TreeMap<String, String>(Map.of("pre", "existing"));
        var instants = new ArrayList<Instant>();
        var states = new ArrayList<Map<String, String>>();
        instants.add(databaseNow());
        states.add(new TreeMap<>(model));
        List<String> keys = List.of("a", "b", "c", "d", "e", "pre");
        for (int step = 0; step < 30; step++) {
            int action = random.nextInt(4);
            if (action < 2) {
                var tags = new LinkedHashMap<String, String>();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    tags.put(keys.get(random.nextInt(keys.size())), "v" + random.nextInt(3));
                }
                ok(tag(instance, tags));
                model.putAll(tags);
            } else if (action == 2) {
                String removed = keys.get(random.nextInt(keys.size()));
                ok(untag(instance, removed));
                model.remove(removed);
            } else {
                ok(rpc.v1(key).action("UntagResources").param("RegionId", REGION).param("ResourceType", "instance")
                        .param("ResourceId.1", instance).param("All", "true").send());
                model.clear();
            }
            instants.add(databaseNow());
            states.add(new TreeMap<>(model));
        }

        for (int i = 0; i < instants.size(); i++) {
            assertThat(tagsOf(asOf(instance, instants.get(i)))).as("tags as of step %d", i).isEqualTo(states.get(i));
        }
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertThat(admin.call("GET", "/admin/v1/tag-history", null).status()).isEqualTo(400);
        assertThat(admin.call("GET", "/admin/v1/tag-history?accountId=x", null).status()).isEqualTo(400);
        assertThat(admin.call("GET", "/admin/v1/tag-history?accountId=1&from=yesterday", null).status())
                .isEqualTo(400);
        assertThat(admin.call("GET", "/admin/v1/tag-history?accountId=1&pageToken=forged!", null).status())
                .isEqualTo(400);
        assertThat(admin.call("GET", "/admin/v1/tag-history?accountId=1&limit=1001", null).status()).isEqualTo(400);
        assertThat(admin.call("GET", "/admin/v1/tag-history/tags?accountId=1&regionId=" + REGION
                + "&resourceType=instance", null).status()).isEqualTo(400);
        // Older than the retention (90 days by default): purged changes cannot be undone.
        assertThat(admin.call("GET", "/admin/v1/tag-history/tags?accountId=1&regionId=" + REGION
                + "&resourceType=instance&resourceId=i-1&at=2000-01-01T00:00:00Z", null).status()).isEqualTo(400);
        assertThat(admin.call("GET", "/admin/v1/tag-history?accountId=1", "Bearer wrong", null).status())
                .isEqualTo(401);
    }

    private Instant databaseNow() {
        return jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
    }

    private String register(String type) {
        String id = type.charAt(0) + "-" + TestIds.instance().substring(2);
        inventory.register(List.of(new ResourceRegistration(REGION, type, id, account, true)));
        return id;
    }

    private RpcResponse tag(String instance, Map<String, String> tags) {
        var call = rpc.v1(key).action("TagResources").param("RegionId", REGION).param("ResourceType", "instance")
                .param("ResourceId.1", instance);
        int n = 1;
        for (var tag : tags.entrySet()) {
            call.param("Tag." + n + ".Key", tag.getKey()).param("Tag." + n + ".Value", tag.getValue());
            n++;
        }
        return call.send();
    }

    private RpcResponse untag(String instance, String tagKey) {
        return rpc.v1(key).action("UntagResources").param("RegionId", REGION).param("ResourceType", "instance")
                .param("ResourceId.1", instance).param("TagKey.1", tagKey).send();
    }

    private static RpcResponse ok(RpcResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }

    private JsonNode changes(String query) {
        var reply = admin.call("GET", "/admin/v1/tag-history?" + query, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode asOf(String instance, Instant at) {
        var reply = admin.call("GET", "/admin/v1/tag-history/tags?accountId=" + account + "&regionId=" + REGION
                + "&resourceType=instance&resourceId=" + instance + "&at="
                + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8), null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static Map<String, String> tagsOf(JsonNode asOf) {
        var tags = new TreeMap<String, String>();
        asOf.get("tags").forEach(tag -> tags.put(tag.get("key").asString(), tag.get("value").asString()));
        return tags;
    }

    /** {@code action key before->after}, null where absent. */
    private static List<String> lines(JsonNode changes) {
        var lines = new ArrayList<String>();
        changes.forEach(change -> lines.add(change.get("action").asString() + " " + change.get("tagKey").asString()
                + " " + text(change.get("valueBefore")) + "->" + text(change.get("valueAfter"))));
        return lines;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asString();
    }
}
