package dev.ecstags.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.sdk.SdkClients;
import dev.ecstags.sdk.TeaRpc;
import dev.ecstags.sdk.TeaRpc.Answer;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the behaviour tests share: fresh accounts with their keys and resources, calls through the Tea SDK's
 * signer, and a look at the tag table itself where the API cannot show the truth (private tags, quota races).
 */
abstract class TagBehaviourTest extends ServiceTest {

    /** An account with a normal AccessKey. */
    Account newAccount() {
        String id = TestIds.account();
        return new Account(id, new TeaRpc(accessKeys.create(id, false), port));
    }

    /** A cloud-internal service's key, of an account of its own. */
    TeaRpc newServiceClient() {
        return new TeaRpc(newServiceKey(), port);
    }

    /** A taggable instance in the default region. */
    String instanceOf(Account account) {
        String id = TestIds.instance();
        inventory.register(List.of(new ResourceRegistration(SdkClients.REGION, "instance", id, account.id(), true)));
        return id;
    }

    /** A taggable instance in the default region, tagged through the API with these keys and values. */
    String taggedInstanceOf(Account account, String... keysAndValues) {
        String id = instanceOf(account);
        assertOk(tag(account.key(), Parameters.instances(id).tags(keysAndValues)));
        return id;
    }

    static Answer tag(TeaRpc key, Parameters parameters) {
        return key.call("TagResources", parameters.map());
    }

    static Answer untag(TeaRpc key, Parameters parameters) {
        return key.call("UntagResources", parameters.map());
    }

    static Answer list(TeaRpc key, Parameters parameters) {
        return key.call("ListTagResources", parameters.map());
    }

    static void assertOk(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.body()).doesNotContainKey("Code");
    }

    static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.code()).as("%s", answer).isEqualTo(code);
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
    }

    /** Every visible tag of the resources, page after page, as resource id to key to value. */
    static Map<String, Map<String, String>> tagsOf(TeaRpc key, Parameters query) {
        var tags = new LinkedHashMap<String, Map<String, String>>();
        String token = null;
        do {
            var parameters = query.map();
            if (token != null) {
                parameters = new LinkedHashMap<>(parameters);
                parameters.put("NextToken", token);
            }
            Answer page = key.call("ListTagResources", parameters);
            assertOk(page);
            for (var entry : page.tagResources()) {
                assertThat(entry.get("ResourceType")).isEqualTo("instance");
                tags.computeIfAbsent((String) entry.get("ResourceId"), id -> new LinkedHashMap<>())
                        .put((String) entry.get("TagKey"), (String) entry.get("TagValue"));
            }
            token = page.nextToken();
        } while (!token.isEmpty());
        return tags;
    }

    static Map<String, String> tagsOf(TeaRpc key, String resourceId) {
        return tagsOf(key, Parameters.instances(resourceId)).getOrDefault(resourceId, Map.of());
    }

    /** The rows in the tag table, public and private alike. */
    long storedTags(String accountId, String resourceId, boolean privateTags) {
        return jdbc.sql("select count(*) from tag where account_id = ? and resource_id = ? and private = ?")
                .params(accountId, resourceId, privateTags)
                .query(Long.class)
                .single();
    }

    /** key0, value0, key1, value1… for {@code count} tags named {@code prefix}NN. */
    static String[] numberedTags(String prefix, int from, int count) {
        var keysAndValues = new ArrayList<String>();
        for (int i = from; i < from + count; i++) {
            keysAndValues.add(prefix + "%02d".formatted(i));
            keysAndValues.add("v" + i);
        }
        return keysAndValues.toArray(String[]::new);
    }

    record Account(String id, TeaRpc key) {
    }
}
