package dev.ecstags.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.support.RpcResponse;
import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the contract tests share: a client for the service on its random port, fresh accounts, keys and resources
 * for every test (all tests share one database, so nothing is ever reused), the tag rows as the database holds
 * them, and the assertions on an error answer.
 */
abstract class ContractTestSupport extends ServiceTest {

    static final String REGION = "cn-hangzhou";
    static final String OTHER_REGION = "cn-beijing";
    static final String UNKNOWN_REGION = "xx-nowhere-1";
    static final String TYPE = "instance";
    /** Any channel id: the contract gives TagOwnerBid no format. */
    static final String BID = "26842";

    /** The normal key of the account a test starts from, set by {@link #anAccountWithATaggedInstance}. */
    IssuedAccessKey key;
    /** An instance of that account, carrying the public tags the test started it with. */
    String tagged;

    /**
     * Starts a test from a fresh account, its normal {@link #key}, and its instance {@link #tagged} with these tags;
     * the account's tag rows are watched from here on ({@link #assertRefused}).
     */
    void anAccountWithATaggedInstance(Map<String, String> publicTags) {
        key = newNormalKey();
        tagged = newTaggedInstance(key, publicTags);
        watchTagRows(key.accountId());
    }

    /** Watches the account's tag rows, as {@link #watchTagRows(String)}, once they are the {@code count} set up. */
    void watchTagRows(String accountId, int count) {
        assertThat(watchTagRows(accountId)).as("tag rows the test set up").hasSize(count);
    }

    /** Registers one fresh taggable instance of the account in {@link #REGION}. */
    String newInstance(String accountId) {
        return register(accountId, REGION, TYPE, true, 1).get(0);
    }

    /** Registers one fresh instance of the key's account, as {@link #newInstance}, carrying these public tags. */
    String newTaggedInstance(IssuedAccessKey key, Map<String, String> publicTags) {
        String id = newInstance(key.accountId());
        tagPublicly(key, List.of(id), publicTags);
        return id;
    }

    /** 51 resource ids, one more than a call may list: {@code first}, then fresh ids that no resource has. */
    static List<String> oneIdTooMany(String... first) {
        List<String> ids = new ArrayList<>(List.of(first));
        while (ids.size() < 51) {
            ids.add(TestIds.instance());
        }
        return ids;
    }

    /** Registers {@code count} fresh resources and returns their ids. */
    List<String> register(String accountId, String regionId, String resourceType, boolean taggable, int count) {
        String prefix = TYPE.equals(resourceType) ? "i-" : resourceType.substring(0, 1) + "-";
        List<String> ids = IntStream.range(0, count).mapToObj(i -> TestIds.resource(prefix)).toList();
        inventory.register(ids.stream()
                .map(id -> new ResourceRegistration(regionId, resourceType, id, accountId, taggable))
                .toList());
        return ids;
    }

    /** A V1 UntagResources call of {@link #TYPE} in {@link #REGION}; the test adds ids and keys. */
    TestSigner.V1 untag(IssuedAccessKey key) {
        return rpc.v1(key).action("UntagResources").param("RegionId", REGION).param("ResourceType", TYPE);
    }

    TestSigner.V1 tagResources(IssuedAccessKey key) {
        return rpc.v1(key).action("TagResources").param("RegionId", REGION).param("ResourceType", TYPE);
    }

    TestSigner.V1 listTagResources(IssuedAccessKey key) {
        return rpc.v1(key).action("ListTagResources").param("RegionId", REGION).param("ResourceType", TYPE);
    }

    /** {@code name.1..N} for these values, as the RPC API numbers a list. */
    static Map<String, String> numbered(String name, List<String> values) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            parameters.put(name + "." + (i + 1), values.get(i));
        }
        return parameters;
    }

    /** {@code ResourceId.1..N} for these ids. */
    static Map<String, String> resourceIds(List<String> ids) {
        return numbered("ResourceId", ids);
    }

    static Map<String, String> resourceIds(String... ids) {
        return resourceIds(List.of(ids));
    }

    /** {@code TagKey.1..N}. */
    static Map<String, String> tagKeys(List<String> keys) {
        return numbered("TagKey", keys);
    }

    static Map<String, String> tagKeys(String... keys) {
        return tagKeys(List.of(keys));
    }

    /** {@code Tag.N.Key} / {@code Tag.N.Value} in the map's order. */
    static Map<String, String> tags(Map<String, String> keyToValue) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int n = 1;
        for (var tag : keyToValue.entrySet()) {
            parameters.put("Tag." + n + ".Key", tag.getKey());
            parameters.put("Tag." + n + ".Value", tag.getValue());
            n++;
        }
        return parameters;
    }

    /** {@code count} distinct keys {@code prefix1..prefixN}, each with value {@code v}. */
    static Map<String, String> numberedTags(String prefix, int count) {
        Map<String, String> keyToValue = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            keyToValue.put(prefix + i, "v" + i);
        }
        return keyToValue;
    }

    static List<String> numberedKeys(String prefix, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            keys.add(prefix + i);
        }
        return keys;
    }

    /** Puts public tags on resources through the API, as the account's normal key. */
    void tagPublicly(IssuedAccessKey key, List<String> ids, Map<String, String> keyToValue) {
        assertSucceeded(tagResources(key).params(resourceIds(ids)).params(tags(keyToValue)).send());
    }

    /** Puts private (system) tags on an account's resources, as a service key acting for the account. */
    void tagPrivately(String accountId, List<String> ids, Map<String, String> keyToValue) {
        assertSucceeded(tagResources(newServiceKey()).param("TagOwnerUid", accountId).param("TagOwnerBid", BID)
                .param("Scope", "private").params(resourceIds(ids)).params(tags(keyToValue)).send());
    }

    /** A seed error: its documented status, code and message, verbatim. */
    static RpcResponse assertError(RpcResponse response, Documented error) {
        assertError(response, error.status, error.code);
        assertThat(response.message()).as("Message of %s", response).isEqualTo(error.message);
        return response;
    }

    /** A seed error, as {@link #assertError(RpcResponse, Documented)}, that left the watched tag rows unchanged. */
    RpcResponse assertRefused(RpcResponse response, Documented error) {
        assertRefused(response, error.status, error.code);
        assertThat(response.message()).as("Message of %s", response).isEqualTo(error.message);
        return response;
    }
}
