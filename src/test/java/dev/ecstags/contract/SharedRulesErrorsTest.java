package dev.ecstags.contract;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.support.TestSigner;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rows of the seed's table that UntagResources, TagResources and ListTagResources answer alike, because one set
 * of rules checks all three: the region and resource type, and who may send TagOwnerUid, TagOwnerBid and Scope; and
 * for the two that write, which listed resources they may change. Each refusal is sent to every action it applies
 * to, with the seed's documented status, code and message, and is checked to leave the account's tag rows as they
 * were. What only one action refuses stays in that action's own test.
 */
class SharedRulesErrorsTest extends ContractTestSupport {

    /** An action, as an unbroken call on the account's tagged instance that a test breaks one rule of. */
    enum Action {
        UNTAG_RESOURCES("UntagResources", Map.of("TagKey.1", "env")),
        TAG_RESOURCES("TagResources", Map.of("Tag.1.Key", "team", "Tag.1.Value", "a")),
        LIST_TAG_RESOURCES("ListTagResources", Map.of());

        final String name;
        /** What the action needs besides the region, type and resource id to succeed. */
        final Map<String, String> parameters;

        Action(String name, Map<String, String> parameters) {
            this.name = name;
            this.parameters = parameters;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void accountWithATaggedInstance() {
        anAccountWithATaggedInstance(Map.of("env", "prod"));
    }

    /** The action's unbroken call, signed with {@code signer}: the account's normal key or a service key. */
    TestSigner.V1 call(Action action, IssuedAccessKey signer) {
        return rpc.v1(signer).action(action.name).param("RegionId", REGION).param("ResourceType", TYPE)
                .param("ResourceId.1", tagged).params(action.parameters);
    }

    /** The call as the account's own normal key makes it. */
    TestSigner.V1 call(Action action) {
        return call(action, key);
    }

    /** The call as a service key acting for the account: it must name the account and a channel. */
    TestSigner.V1 callForTheAccount(Action action) {
        return call(action, newServiceKey()).param("TagOwnerUid", key.accountId()).param("TagOwnerBid", BID);
    }

    /** Every action with each of these values. */
    static Stream<Arguments> everyActionWith(String... values) {
        return Arrays.stream(Action.values())
                .flatMap(action -> Arrays.stream(values).map(value -> arguments(action, value)));
    }

    /** RegionId and ResourceType absent, empty or unknown, and the seed error each is answered with, per action. */
    static Stream<Arguments> regionAndTypeRefusals() {
        Stream<Arguments> refusals = Stream.of(
                arguments("RegionId", null, Documented.MISSING_REGION_ID),
                arguments("RegionId", "", Documented.MISSING_REGION_ID),
                arguments("RegionId", UNKNOWN_REGION, Documented.INVALID_REGION_ID),
                arguments("RegionId", "hangzhou", Documented.INVALID_REGION_ID),
                arguments("RegionId", "cn-atlantis-1", Documented.INVALID_REGION_ID),
                arguments("ResourceType", null, Documented.MISSING_RESOURCE_TYPE),
                arguments("ResourceType", "", Documented.MISSING_RESOURCE_TYPE),
                arguments("ResourceType", "vm", Documented.INVALID_RESOURCE_TYPE),
                arguments("ResourceType", "instances", Documented.INVALID_RESOURCE_TYPE),
                arguments("ResourceType", "ecs:instance", Documented.INVALID_RESOURCE_TYPE),
                arguments("ResourceType", "bucket", Documented.INVALID_RESOURCE_TYPE));
        return refusals.flatMap(refusal -> Arrays.stream(Action.values())
                .map(action -> arguments(action, refusal.get()[0], refusal.get()[1], refusal.get()[2])));
    }

    static Stream<Arguments> typesInAnyCase() {
        return everyActionWith("INSTANCE", "Instance");
    }

    static Stream<Arguments> ownerParameters() {
        return everyActionWith("TagOwnerUid", "TagOwnerBid");
    }

    /** Any Scope, valid or not: a normal key may send none. */
    static Stream<Arguments> scopes() {
        return everyActionWith("public", "private", "bogus");
    }

    static Stream<Arguments> unknownScopes() {
        return everyActionWith("system", "everything", "global", "privat", "all");
    }

    /**
     * A resource of the account that a write may not change, named beside the tagged instance: where it is, what
     * type, whether it is taggable, and the seed error that refuses the whole call.
     */
    static Stream<Arguments> resourcesAWriteCannotChange() {
        return Stream.of(Action.UNTAG_RESOURCES, Action.TAG_RESOURCES).flatMap(action -> Stream.of(
                arguments(action, REGION, "disk", true, Documented.RESOURCE_NOT_FOUND),
                arguments(action, OTHER_REGION, TYPE, true, Documented.RESOURCE_NOT_FOUND),
                arguments(action, REGION, TYPE, false, Documented.RESOURCE_NOT_TAGGABLE)));
    }

    @ParameterizedTest(name = "{0} with {1}={2}")
    @MethodSource("regionAndTypeRefusals")
    void regionIdOrResourceTypeMissingOrUnknown(Action action, String parameter, String value, Documented error) {
        assertRefused(call(action).param(parameter, value).send(), error);
    }

    @ParameterizedTest(name = "{0} with ResourceType={1}")
    @MethodSource("typesInAnyCase")
    void typesAreComparedCaseInsensitively(Action action, String resourceType) {
        assertSucceeded(call(action).param("ResourceType", resourceType).send());
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("ownerParameters")
    void aNormalKeySendsAnOwnerParameter(Action action, String name) {
        assertRefused(call(action).param(name, name.equals("TagOwnerUid") ? key.accountId() : BID).send(),
                Documented.PERMISSION_DENIED_TAG_OWNER_UID);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void aNormalKeySendsBothOwnerParameters(Action action) {
        assertRefused(call(action).param("TagOwnerUid", key.accountId()).param("TagOwnerBid", BID).send(),
                Documented.PERMISSION_DENIED_TAG_OWNER_UID);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void aServiceKeySendsTagOwnerBidWithoutTagOwnerUid(Action action) {
        assertRefused(callForTheAccount(action).drop("TagOwnerUid").send(), Documented.MISSING_TAG_OWNER_UID);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void aServiceKeySendsTagOwnerUidWithoutTagOwnerBid(Action action) {
        assertRefused(callForTheAccount(action).drop("TagOwnerBid").send(), Documented.MISSING_TAG_OWNER_BID);
    }

    @ParameterizedTest(name = "{0} with Scope={1}")
    @MethodSource("scopes")
    void aNormalKeySendsScope(Action action, String scope) {
        assertRefused(call(action).param("Scope", scope).send(), Documented.PERMISSION_DENIED_SCOPE);
    }

    @ParameterizedTest(name = "{0} with Scope={1}")
    @MethodSource("unknownScopes")
    void aServiceKeySendsAnUnknownScope(Action action, String scope) {
        assertRefused(callForTheAccount(action).param("Scope", scope).send(), Documented.INVALID_SCOPE);
    }

    @ParameterizedTest(name = "{0} naming a resource in {1} of type {2}, taggable {3}")
    @MethodSource("resourcesAWriteCannotChange")
    void aWriteNamingAResourceItCannotChange(Action action, String regionId, String resourceType, boolean taggable,
            Documented error) {
        String other = register(key.accountId(), regionId, resourceType, taggable, 1).get(0);

        assertRefused(call(action).param("ResourceId.2", other).send(), error);
    }
}
