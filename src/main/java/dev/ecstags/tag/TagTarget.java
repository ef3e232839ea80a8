package dev.ecstags.tag;

import dev.ecstags.auth.Caller;
import dev.ecstags.resource.ResourceType;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;

/**
 * What every tag action names besides its own parameters (docs/contract.md §4): who calls, the region, the resource
 * type, the account a service key may act for ({@code TagOwnerUid}, {@code TagOwnerBid}) and the kind of tag
 * ({@code Scope}). Each request record carries one and validates it with its own rules ({@code @Valid}); every rule
 * is a constraint whose message names an {@link dev.ecstags.error.ErrorCode}.
 *
 * @param resourceType optional here (DescribeTags lists every type); the actions that require it say so with
 *                     {@link ResourceTypeNamed}
 */
public record TagTarget(
        Caller caller,
        @NotEmpty(message = "MISSING_REGION_ID") @KnownRegion(message = "INVALID_REGION_ID") String regionId,
        String resourceType,
        String tagOwnerUid,
        String tagOwnerBid,
        String scope) {

    @AssertTrue(message = "PERMISSION_DENIED_TAG_OWNER_UID")
    public boolean isOwnerChosenOnlyByServiceKey() {
        return caller.service() || (tagOwnerUid == null && tagOwnerBid == null);
    }

    @AssertTrue(message = "MISSING_TAG_OWNER_UID")
    public boolean isOwnerUidGivenWithBid() {
        return tagOwnerBid == null || notEmpty(tagOwnerUid);
    }

    @AssertTrue(message = "MISSING_TAG_OWNER_BID")
    public boolean isOwnerBidGivenWithUid() {
        return tagOwnerUid == null || notEmpty(tagOwnerBid);
    }

    @AssertTrue(message = "PERMISSION_DENIED_SCOPE")
    public boolean isScopeChosenOnlyByServiceKey() {
        return caller.service() || scope == null;
    }

    /** Compared with equalsIgnoreCase, as {@link #privateTags} reads it, rather than a pattern. */
    @AssertTrue(message = "INVALID_SCOPE")
    public boolean isScopeKnown() {
        return scope == null || "public".equalsIgnoreCase(scope) || "private".equalsIgnoreCase(scope);
    }

    @AssertTrue(message = "INVALID_RESOURCE_TYPE")
    public boolean isResourceTypeKnown() {
        return !notEmpty(resourceType) || ResourceType.fromWire(resourceType).isPresent();
    }

    /** The account whose resources the call acts on: a service key may name another with TagOwnerUid. */
    String ownerAccountId() {
        return caller.service() && notEmpty(tagOwnerUid) ? tagOwnerUid : caller.accountId();
    }

    /** Private (system) tags are reached only by a service key that asks for them. */
    boolean privateTags() {
        return caller.service() && "private".equalsIgnoreCase(scope);
    }

    /** The tag-key and tag-value rules of this caller. */
    TagRules tagRules() {
        return TagRules.forCaller(caller);
    }

    boolean namesResourceType() {
        return notEmpty(resourceType);
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }
}
