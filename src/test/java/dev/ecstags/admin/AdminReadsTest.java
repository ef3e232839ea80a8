package dev.ecstags.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.admin.AdminHttp.Reply;
import dev.ecstags.support.TestIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Operators read keys and resources back, a page at a time, and every 400 has one shape. */
class AdminReadsTest extends AdminApiTest {

    @Test
    void listsAnAccountsKeysPageByPageWithoutSecrets() {
        String account = TestIds.account();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(admin.call("POST", "/admin/v1/access-keys", "{\"accountId\":\"" + account + "\"}")
                    .json().get("accessKeyId").asString());
        }
        admin.call("POST", "/admin/v1/access-keys", "{\"accountId\":\"" + TestIds.account() + "\"}");

        Reply first = admin.call("GET", "/admin/v1/access-keys?accountId=" + account + "&maxResults=2", null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).doesNotContain("ecret");
        String token = first.json().get("nextToken").asString();
        Reply second = admin.call("GET", "/admin/v1/access-keys?accountId=" + account + "&maxResults=2&nextToken="
                + token, null);

        List<String> listed = new ArrayList<>(ids(first, "accessKeys", "accessKeyId"));
        listed.addAll(ids(second, "accessKeys", "accessKeyId"));
        assertThat(listed).containsExactlyElementsOf(created.stream().sorted().toList());
        assertThat(second.json().get("nextToken").isNull()).isTrue();
        assertThat(first.json().get("accessKeys").get(0).get("accountId").asString()).isEqualTo(account);
        assertThat(first.json().get("accessKeys").get(0).get("status").asString()).isEqualTo("Active");
    }

    @Test
    void readsOneKeyWithoutItsSecret() {
        String account = TestIds.account();
        String accessKeyId = admin.call("POST", "/admin/v1/access-keys", "{\"accountId\":\"" + account + "\"}")
                .json().get("accessKeyId").asString();

        Reply reply = admin.call("GET", "/admin/v1/access-keys/" + accessKeyId, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("accessKeyId").asString()).isEqualTo(accessKeyId);
        assertThat(reply.json().get("accountId").asString()).isEqualTo(account);
        assertThat(reply.body()).doesNotContain("ecret");
        assertProblem(admin.call("GET", "/admin/v1/access-keys/LTAInosuchkey", null), 404);
    }

    @Test
    void listsAnAccountsResourcesByRegionAndTypeWithKeysetPages() {
        String account = TestIds.account();
        List<String> instances = List.of(TestIds.instance(), TestIds.instance(), TestIds.instance());
        StringBuilder body = new StringBuilder("{\"resources\":[");
        for (String instance : instances) {
            body.append(resource("cn-hangzhou", "instance", instance, account)).append(',');
        }
        body.append(resource("cn-hangzhou", "disk", "d-" + TestIds.instance(), account)).append(',');
        body.append(resource("cn-beijing", "instance", TestIds.instance(), account)).append("]}");
        assertThat(admin.call("PUT", "/admin/v1/resources", body.toString()).status()).isEqualTo(200);

        String query = "/admin/v1/resources?accountId=" + account + "&regionId=cn-hangzhou&resourceType=Instance"
                + "&maxResults=2";
        Reply first = admin.call("GET", query, null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Reply second = admin.call("GET", query + "&nextToken=" + first.json().get("nextToken").asString(), null);

        List<String> listed = new ArrayList<>(ids(first, "resources", "resourceId"));
        listed.addAll(ids(second, "resources", "resourceId"));
        assertThat(listed).containsExactlyElementsOf(instances.stream().sorted().toList());
        assertThat(second.json().get("nextToken").isNull()).isTrue();
        assertThat(ids(admin.call("GET", "/admin/v1/resources?accountId=" + account, null), "resources",
                "resourceId")).hasSize(5);
    }

    @Test
    void readsOneResourceWithItsTags() {
        String account = TestIds.account();
        String instance = TestIds.instance();
        admin.call("PUT", "/admin/v1/resources", "{\"resources\":[" + resource("cn-hangzhou", "instance", instance,
                account) + "]}");
        jdbc.sql("""
                insert into tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value, private)
                values (?, 'cn-hangzhou', 'instance', ?, 'env', 'prod', false),
                       (?, 'cn-hangzhou', 'instance', ?, 'acs:owner', 'svc', true)""")
                .params(account, instance, account, instance).update();

        Reply reply = admin.call("GET", "/admin/v1/resources/cn-hangzhou/instance/" + instance, null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode resource = reply.json();
        assertThat(resource.get("accountId").asString()).isEqualTo(account);
        assertThat(resource.get("taggable").asBoolean()).isTrue();
        assertThat(resource.get("tags").get(0).get("key").asString()).isEqualTo("acs:owner");
        assertThat(resource.get("tags").get(0).get("private").asBoolean()).isTrue();
        assertThat(resource.get("tags").get(1).get("key").asString()).isEqualTo("env");
        assertThat(resource.get("tags").get(1).get("value").asString()).isEqualTo("prod");
        assertProblem(admin.call("GET", "/admin/v1/resources/cn-hangzhou/instance/i-nowhere", null), 404);
    }

    @Test
    void everyBadRequestNamesEachBrokenFieldInOneShape() {
        String accessKeyId = admin.call("POST", "/admin/v1/access-keys", "{\"accountId\":\"1\"}")
                .json().get("accessKeyId").asString();

        assertBroken(admin.call("PATCH", "/admin/v1/access-keys/" + accessKeyId, "{\"status\":\"Bogus\"}"),
                "status", List.of("Active", "Inactive"));
        assertBroken(admin.call("PATCH", "/admin/v1/access-keys/" + accessKeyId, "{}"),
                "status", List.of("Active", "Inactive"));
        assertBroken(admin.call("POST", "/admin/v1/access-keys", "{\"accountId\":\"1\",\"service\":\"maybe\"}"),
                "service", null);
        assertBroken(admin.call("POST", "/admin/v1/access-keys", "{\"accountId\":"), "body", null);
        assertBroken(admin.call("POST", "/admin/v1/access-keys", "{\"accountId\":\"x\"}"), "accountId", null);
        assertBroken(admin.call("GET", "/admin/v1/access-keys", null), "accountId", null);
        assertBroken(admin.call("GET", "/admin/v1/access-keys?accountId=1&maxResults=0", null), "maxResults", null);
        assertBroken(admin.call("GET", "/admin/v1/access-keys?accountId=1&maxResults=many", null), "maxResults",
                null);
        assertBroken(admin.call("GET", "/admin/v1/resources?accountId=1&resourceType=rocket", null),
                "resourceType", null);
        assertThat(admin.call("GET", "/admin/v1/resources?accountId=1&resourceType=rocket", null).json()
                .get("errors").get(0).get("allowed").valueStream().map(JsonNode::asString).toList())
                .contains("instance", "disk");
        assertBroken(admin.call("GET", "/admin/v1/resources?accountId=1&nextToken=%25%25", null), "nextToken", null);
        assertBroken(admin.call("PUT", "/admin/v1/resources", "{\"resources\":[{\"regionId\":\"cn-hangzhou\","
                + "\"resourceType\":\"instance\",\"resourceId\":\"i-1\",\"accountId\":\"1\",\"taggable\":\"perhaps\"}]}"),
                "resources[0].taggable", null);
    }

    private static void assertBroken(Reply reply, String field, List<String> allowed) {
        assertProblem(reply, 400);
        JsonNode errors = reply.json().get("errors");
        assertThat(errors.size()).as(reply.body()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).as(reply.body()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asString()).isNotBlank();
        if (allowed != null) {
            assertThat(errors.get(0).get("allowed").valueStream().map(JsonNode::asString).toList())
                    .as(reply.body()).isEqualTo(allowed);
        }
    }

    private static List<String> ids(Reply reply, String list, String field) {
        return reply.json().get(list).valueStream().map(item -> item.get(field).asString()).toList();
    }

    private static String resource(String region, String type, String id, String account) {
        return "{\"regionId\":\"" + region + "\",\"resourceType\":\"" + type + "\",\"resourceId\":\"" + id
                + "\",\"accountId\":\"" + account + "\"}";
    }
}
