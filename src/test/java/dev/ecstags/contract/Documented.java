package dev.ecstags.contract;

/**
 * The errors of the seed's table (UntagResources.md, "错误码"), with their documented status and message verbatim,
 * plus MissingParameter.ResourceIds in the same documented style (alibaba-rpc-tag-api.md §1.3).
 */
enum Documented {
    MISSING_TAG_OWNER_UID(404, "MissingParameter.TagOwnerUid", "The parameter - TagOwnerUid should not be null"),
    MISSING_TAG_OWNER_BID(404, "MissingParameter.TagOwnerBid", "The parameter - TagOwnerBid should not be null"),
    MISSING_RESOURCE_TYPE(404, "MissingParameter.ResourceType", "The parameter - ResourceType should not be null"),
    MISSING_TAGS(404, "MissingParameter.Tags", "The parameter - Tags should not be null"),
    MISSING_REGION_ID(404, "MissingParameter.RegionId", "The parameter - RegionId should not be null"),
    PERMISSION_DENIED_TAG_OWNER_UID(403, "PermissionDenied.TagOwnerUid",
            "The specified operator not have permission to set TagOwnerUid value."),
    PERMISSION_DENIED_SCOPE(403, "PermissionDenied.Scope",
            "The specified operator not have permission to set Scope value."),
    NUMBER_EXCEED_RESOURCE_IDS(400, "NumberExceed.ResourceIds",
            "The ResourceIds parameter's number is exceed , Valid : 50"),
    NUMBER_EXCEED_TAGS(400, "NumberExceed.Tags", "The Tags parameter's number is exceed , Valid : 20"),
    DUPLICATE_TAG_KEY(400, "Duplicate.TagKey", "The Tag.N.Key contain duplicate key."),
    RESOURCE_NOT_FOUND(404, "InvalidResourceId.NotFound", "The specified ResourceIds are not found in our records."),
    INVALID_RESOURCE_TYPE(404, "InvalidResourceType.NotFound",
            "The ResourceType provided does not exist in our records."),
    INVALID_TAG_KEY(400, "InvalidTagKey.Malformed", "The specified Tag.n.Key is not valid."),
    INVALID_TAG_VALUE(400, "InvalidTagValue.Malformed", "The specified Tag.n.Value is not valid."),
    QUOTA_EXCEEDED(400, "OperationDenied.QuotaExceed", "The quota of tags on resource is beyond permitted range."),
    RESOURCE_NOT_TAGGABLE(403, "InvalidResourceId.NotSupported", "The specified ResourceId does not support tagging."),
    TAG_MISMATCH(400, "InvalidTag.Mismatch", "The specified Tag.n.Key and Tag.n.Value are not match."),
    INVALID_TAG_COUNT(400, "InvalidTagCount", "The specified tags are beyond the permitted range."),
    INVALID_REGION_ID(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist."),
    INVALID_SCOPE(400, "Invalid.Scope", "The specified scope is invalid."),
    NO_PERMISSION_TAG(403, "NoPermission.Tag", "The operator is not permission for the tag."),

    MISSING_RESOURCE_IDS(404, "MissingParameter.ResourceIds", "The parameter - ResourceIds.N should not be null");

    final int status;
    final String code;
    final String message;

    Documented(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }
}
