package dev.ecstags.tag;

import dev.ecstags.auth.Caller;
import dev.ecstags.resource.ResourceType;
import jakarta.validation.constraints.AssertTrue;
import java.util.SortedMap;

/**
 * What the three tag actions share: who calls, for which account, on which kind of tag, and where.
 *
 * <p>Each rule is a Bean Validation constraint whose message names an {@link dev.ecstags.error.ErrorCode}; the
 * service answers with the violated rule that comes first in the catalog (docs/errors.md).
 * Rules shared by the three actions sit here as {@code is…} methods, which Bean Validation checks as properties.
 */
@KnownRegion(message = "INVALID_REGION_ID")
public interface TagRequest {

    Caller caller();

    String regionId();

    String resourceType();

    /** {@code ResourceId.N} by index N. */
    SortedMap<Integer, String> resourceIds();

    String tagOwnerUid();

    String tagOwnerBid();

    String scope();

    @AssertTrue(message = "PERMISSION_DENIED_TAG_OWNER_UID")
    default boolean isOwnerChosenOnlyByServiceKey() {
        return caller().service() || (tagOwnerUid() == null && tagOwnerBid() == null);
    }

    @AssertTrue(message = "MISSING_TAG_OWNER_UID")
    default boolean isOwnerUidGivenWithBid() {
        return tagOwnerBid() == null || notEmpty(tagOwnerUid());
    }

    @AssertTrue(message = "MISSING_TAG_OWNER_BID")
    default boolean isOwnerBidGivenWithUid() {
        return tagOwnerUid() == null || notEmpty(tagOwnerBid());
    }

    @AssertTrue(message = "PERMISSION_DENIED_SCOPE")
    default boolean isScopeChosenOnlyByServiceKey() {
        return caller().service() || scope() == null;
    }

    @AssertTrue(message = "INVALID_SCOPE")
    default boolean isScopeKnown() {
        return scope() == null || "public".equalsIgnoreCase(scope()) || "private".equalsIgnoreCase(scope());
    }

    @AssertTrue(message = "MISSING_REGION_ID")
    default boolean isRegionGiven() {
        return notEmpty(regionId());
    }

    @AssertTrue(message = "MISSING_RESOURCE_TYPE")
    default boolean isResourceTypeGiven() {
        return !resourceTypeRequired() || notEmpty(resourceType());
    }

    /** DescribeTags lists every type when none is named. */
    default boolean resourceTypeRequired() {
        return true;
    }

    @AssertTrue(message = "INVALID_RESOURCE_TYPE")
    default boolean isResourceTypeKnown() {
        return !notEmpty(resourceType()) || ResourceType.fromWire(resourceType()).isPresent();
    }

    /** The account whose resources the call acts on: a service key may name another with TagOwnerUid. */
    default String ownerAccountId() {
        return caller().service() && notEmpty(tagOwnerUid()) ? tagOwnerUid() : caller().accountId();
    }

    /** Private (system) tags are reached only by a service key that asks for them. */
    default boolean privateTags() {
        return caller().service() && "private".equalsIgnoreCase(scope());
    }

    /** The tag-key and tag-value rules of this caller. */
    default TagRules tagRules() {
        return TagRules.forCaller(caller());
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }
}
