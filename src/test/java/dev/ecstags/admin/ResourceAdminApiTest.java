package dev.ecstags.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.admin.AdminHttp.Reply;
import dev.ecstags.support.TestIds;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResourceAdminApiTest extends AdminApiTest {

    private static final String ACCOUNT = "1234567890123456";

    @Test
    void registersResourcesWithTaggableDefaultingToTrue() {
        String instance = TestIds.instance();
        String disk = TestIds.resource("d-");

        Reply reply = admin.call("PUT", "/admin/v1/resources", """
                {"resources":[
                  {"regionId":"cn-hangzhou","resourceType":"Instance","resourceId":"%s","accountId":"%s"},
                  {"regionId":"cn-hangzhou","resourceType":"disk","resourceId":"%s","accountId":"%s","taggable":false}
                ]}""".formatted(instance, ACCOUNT, disk, ACCOUNT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().get("registered").asInt()).isEqualTo(2);
        assertThat(rows("instance", instance)).containsExactly(ACCOUNT + ":true");
        assertThat(rows("disk", disk)).containsExactly(ACCOUNT + ":false");
    }

    @Test
    void registeringIsIdempotent() {
        String instance = TestIds.instance();
        String body = registration(instance, ACCOUNT);

        assertThat(admin.call("PUT", "/admin/v1/resources", body).json().get("registered").asInt()).isEqualTo(1);
        Reply again = admin.call("PUT", "/admin/v1/resources", body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("registered").asInt()).isEqualTo(1);
        assertThat(rows("instance", instance)).containsExactly(ACCOUNT + ":true");
    }

    @Test
    void deletingAResourceDeletesItsTags() {
        String instance = TestIds.instance();
        admin.call("PUT", "/admin/v1/resources", registration(instance, ACCOUNT));
        jdbc.sql("""
                insert into tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value)
                values (?, 'cn-hangzhou', 'instance', ?, 'env', 'prod')""")
                .params(ACCOUNT, instance)
                .update();

        Reply reply = admin.call("DELETE", "/admin/v1/resources/cn-hangzhou/instance/" + instance, null);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(rows("instance", instance)).isEmpty();
        assertThat(jdbc.sql("select count(*) from tag where resource_id = ?").param(instance)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void deletingAnUnknownResourceIs404() {
        Reply reply = admin.call("DELETE", "/admin/v1/resources/cn-hangzhou/instance/" + TestIds.instance(), null);

        assertProblem(reply, 404);
    }

    @Test
    void withoutTheTokenNothingHappens() {
        String instance = TestIds.instance();
        String body = registration(instance, ACCOUNT);

        for (String authorization : new String[]{null, "Bearer wrong-token", "Basic " + AdminHttp.TOKEN,
                AdminHttp.TOKEN}) {
            Reply reply = admin.call("PUT", "/admin/v1/resources", authorization, body);
            assertProblem(reply, 401);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertProblem(admin.call("DELETE", "/admin/v1/resources/cn-hangzhou/instance/x", null, null), 401);
        assertProblem(admin.call("GET", "/admin/v1/no-such-thing", "Bearer nope", null), 401);
        assertThat(rows("instance", instance)).isEmpty();
    }

    @Test
    void malformedJsonIs400() {
        Reply reply = admin.call("PUT", "/admin/v1/resources", "{\"resources\":[{\"regionId\":");

        assertProblem(reply, 400);
        assertThat(reply.body()).doesNotContain("Exception", "jackson", "at dev.");
    }

    @Test
    void aMissingOrEmptyResourceListIs400() {
        assertProblem(admin.call("PUT", "/admin/v1/resources", "{}"), 400);
        assertProblem(admin.call("PUT", "/admin/v1/resources", "{\"resources\":[]}"), 400);
        assertProblem(admin.call("PUT", "/admin/v1/resources", "{\"resources\":[null]}"), 400);
        assertProblem(admin.call("PUT", "/admin/v1/resources", ""), 400);
    }

    @Test
    void moreThanAThousandResourcesIs400AndRegistersNone() {
        String prefix = TestIds.resource("over-");
        String entries = IntStream.rangeClosed(1, 1001)
                .mapToObj(n -> """
                        {"regionId":"cn-hangzhou","resourceType":"instance","resourceId":"%s-%d","accountId":"%s"}"""
                        .formatted(prefix, n, ACCOUNT))
                .collect(Collectors.joining(","));

        Reply reply = admin.call("PUT", "/admin/v1/resources", "{\"resources\":[" + entries + "]}");

        assertProblem(reply, 400);
        assertThat(fieldsInError(reply)).contains("resources");
        assertThat(jdbc.sql("select count(*) from resource where resource_id like ?").param(prefix + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aBadAccountIdIs400AndNamesTheField() {
        String instance = TestIds.instance();

        Reply reply = admin.call("PUT", "/admin/v1/resources", registration(instance, "12345abc"));

        assertProblem(reply, 400);
        assertThat(fieldsInError(reply)).containsExactly("resources[0].accountId");
        assertThat(reply.json().get("errors").get(0).get("message").asString())
                .isEqualTo("must be a decimal account id of 1 to 20 digits");
        assertThat(rows("instance", instance)).isEmpty();
    }

    @Test
    void aResourceIdThatXmlCannotCarryIs400AndRegistersNothing() {
        // JSON escapes: a control character, NUL, U+FFFE and a lone surrogate.
        for (String bad : List.of("\\u0001", "\\u0000", "\\uFFFE", "\\uD800")) {
            String prefix = TestIds.instance();
            Reply reply = admin.call("PUT", "/admin/v1/resources", registration(prefix + bad, ACCOUNT));

            assertProblem(reply, 400);
            assertThat(fieldsInError(reply)).containsExactly("resources[0].resourceId");
            assertThat(jdbc.sql("select count(*) from resource where resource_id like ?").param(prefix + "%")
                    .query(Integer.class).single()).isZero();
        }
        // Tab, line breaks and characters beyond the BMP are text XML carries.
        String fine = TestIds.instance() + "\\t\\uD83D\\uDE00";
        assertThat(admin.call("PUT", "/admin/v1/resources", registration(fine, ACCOUNT)).status()).isEqualTo(200);
    }

    @Test
    void anUnknownRegionOrTypeIs400() {
        Reply region = admin.call("PUT", "/admin/v1/resources",
                """
                        {"resources":[{"regionId":"mars-north-1","resourceType":"instance","resourceId":"i-1","accountId":"1"}]}""");
        Reply type = admin.call("PUT", "/admin/v1/resources",
                """
                        {"resources":[{"regionId":"cn-hangzhou","resourceType":"rocket","resourceId":"i-1","accountId":"1"}]}""");

        assertProblem(region, 400);
        assertThat(fieldsInError(region)).containsExactly("resources[0].regionId");
        assertProblem(type, 400);
        assertThat(fieldsInError(type)).containsExactly("resources[0].resourceType");
        assertThat(type.json().get("errors").get(0).get("allowed").valueStream().map(v -> v.asString()).toList())
                .contains("instance", "disk", "securitygroup");
    }

    @Test
    void aWrongMethodIs405AndAnUnknownPathIs404() {
        Reply wrongMethod = admin.call("POST", "/admin/v1/resources", "{}");
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.header("Allow")).contains("GET", "PUT");

        assertProblem(admin.call("POST", "/admin/v1/resources/cn-hangzhou/instance/i-1", "{}"), 405);
        assertProblem(admin.call("GET", "/admin/v1/nothing-here", null), 404);
        assertProblem(admin.call("DELETE", "/admin/v1/resources/cn-hangzhou/instance", null), 404);
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Reply reply = admin.call("PUT", "/admin/v1/resources", "Bearer " + AdminHttp.TOKEN, "text/plain",
                registration(TestIds.instance(), ACCOUNT));

        assertProblem(reply, 415);
    }

    private static List<String> fieldsInError(Reply reply) {
        return reply.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }

    private static String registration(String resourceId, String accountId) {
        return """
                {"resources":[{"regionId":"cn-hangzhou","resourceType":"instance","resourceId":"%s","accountId":"%s"}]}"""
                .formatted(resourceId, accountId);
    }

    private List<String> rows(String type, String resourceId) {
        return jdbc.sql("""
                select account_id || ':' || taggable from resource
                where region_id = 'cn-hangzhou' and resource_type = ? and resource_id = ?""")
                .params(type, resourceId)
                .query(String.class)
                .list();
    }
}
