package dev.ecstags.error;

import lombok.Getter;
import lombok.RequiredArgsConstructor;

/**
 * Every error the RPC API answers with: its code, HTTP status and documented message.
 *
 * <p>The declaration order is the precedence order of the action's rules (docs/errors.md, generated from this
 * enum): when one request breaks several, the rule declared first here answers ({@code tag/TagRequestRules} decides
 * it). Transport and authentication are answered in the order {@code api/RpcController.call} checks them
 * (docs/contract.md §3, §7), which differs from the declaration order in one place: a V1 SignatureMethod or
 * SignatureVersion is refused (IncompleteSignature) only with the signature, after the AccessKey checks. Several
 * constants may share a code when the same code ranks at two places (InvalidParameter for a malformed value, and
 * for Tag combined with TagFilter).
 */
@RequiredArgsConstructor
public enum ErrorCode {

    // Transport and authentication, in the order they are checked (but for V1's IncompleteSignature, see above). The
    // HTTP request itself comes first: no rule of
    // the API can be checked before the request has arrived whole, in time and within its size limits.
    MALFORMED_REQUEST(400, "MalformedRequest", "The HTTP request is malformed and could not be read."),
    REQUEST_HEADER_TOO_LARGE(431, "RequestHeaderTooLarge",
            "The request line and headers are larger than the service accepts."),
    REQUEST_TIMEOUT(408, "RequestTimeout", "The request did not arrive in full within the time allowed."),
    REQUEST_BODY_TOO_LARGE(413, "RequestBodyTooLarge",
            "The request body is larger than 1 MB, the most the service accepts."),
    UNSUPPORTED_HTTP_METHOD(403, "UnsupportedHTTPMethod", "This http method is not supported."),
    MISSING_PARAMETER(400, "MissingParameter",
            "The input parameter \"%s\" that is mandatory for processing this request is not supplied."),
    INCOMPLETE_SIGNATURE(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards."),
    INVALID_VERSION(400, "InvalidVersion", "Specified parameter Version is not valid."),
    INVALID_ACTION(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."),
    INVALID_TIMESTAMP_FORMAT(400, "InvalidTimeStamp.Format",
            "Specified time stamp or date value is not well formatted."),
    INVALID_TIMESTAMP_EXPIRED(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."),
    ACCESS_KEY_NOT_FOUND(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."),
    ACCESS_KEY_INACTIVE(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled."),
    SIGNATURE_DOES_NOT_MATCH(400, "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation.%s"),
    // Right after the signature is verified, so that nobody but the account itself can spend its share, and before
    // the nonce is recorded, so that a throttled call does not use it up: per account, region and action class
    // (TagResources/UntagResources, ListTagResources/DescribeTags), and for the account's calls in progress at once.
    THROTTLING_USER(400, "Throttling.User", "Request was denied due to user flow control."),
    SIGNATURE_NONCE_USED(400, "SignatureNonceUsed", "Specified signature nonce was used already."),

    // The action's own checks.
    INVALID_PARAMETER(400, "InvalidParameter", "The specified parameter \"%s\" is not valid."),
    PERMISSION_DENIED_TAG_OWNER_UID(403, "PermissionDenied.TagOwnerUid",
            "The specified operator not have permission to set TagOwnerUid value."),
    MISSING_TAG_OWNER_UID(404, "MissingParameter.TagOwnerUid", "The parameter - TagOwnerUid should not be null"),
    MISSING_TAG_OWNER_BID(404, "MissingParameter.TagOwnerBid", "The parameter - TagOwnerBid should not be null"),
    PERMISSION_DENIED_SCOPE(403, "PermissionDenied.Scope",
            "The specified operator not have permission to set Scope value."),
    INVALID_SCOPE(400, "Invalid.Scope", "The specified scope is invalid."),
    MISSING_REGION_ID(404, "MissingParameter.RegionId", "The parameter - RegionId should not be null"),
    INVALID_REGION_ID(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist."),
    MISSING_RESOURCE_TYPE(404, "MissingParameter.ResourceType", "The parameter - ResourceType should not be null"),
    INVALID_RESOURCE_TYPE(404, "InvalidResourceType.NotFound",
            "The ResourceType provided does not exist in our records."),
    MISSING_RESOURCE_IDS(404, "MissingParameter.ResourceIds", "The parameter - ResourceIds.N should not be null"),
    NUMBER_EXCEED_RESOURCE_IDS(400, "NumberExceed.ResourceIds",
            "The ResourceIds parameter's number is exceed , Valid : 50"),
    MISSING_TAGS(404, "MissingParameter.Tags", "The parameter - Tags should not be null"),
    NUMBER_EXCEED_TAGS(400, "NumberExceed.Tags", "The Tags parameter's number is exceed , Valid : 20"),
    INVALID_TAG_COUNT(400, "InvalidTagCount", "The specified tags are beyond the permitted range."),
    DUPLICATE_TAG_KEY(400, "Duplicate.TagKey", "The Tag.N.Key contain duplicate key."),
    INVALID_TAG_KEY(400, "InvalidTagKey.Malformed", "The specified Tag.n.Key is not valid."),
    INVALID_TAG_VALUE(400, "InvalidTagValue.Malformed", "The specified Tag.n.Value is not valid."),
    TAG_MISMATCH(400, "InvalidTag.Mismatch", "The specified Tag.n.Key and Tag.n.Value are not match."),
    TAG_WITH_TAG_FILTER(400, "InvalidParameter", "The parameters Tag.N and TagFilter.N cannot be used together."),
    MISSING_TAG_OR_RESOURCE_ID(400, "MissParameter.TagOrResourceId", "The parameter Tag.n or ResourceId.n is needed."),
    INVALID_NEXT_TOKEN(400, "Invalid.NextToken", "The specified NextToken is invalid."),
    // DescribeTags' paging and category.
    INVALID_PAGE_NUMBER(400, "InvalidParameter.PageNumber", "The specified parameter PageNumber is not valid."),
    INVALID_PAGE_SIZE(400, "InvalidParameter.PageSize", "The specified parameter PageSize is not valid."),
    INVALID_CATEGORY(400, "InvalidParameter.Category", "The specified parameter Category is not valid."),
    RESOURCE_NOT_FOUND(404, "InvalidResourceId.NotFound", "The specified ResourceIds are not found in our records."),
    RESOURCE_NOT_TAGGABLE(403, "InvalidResourceId.NotSupported", "The specified ResourceId does not support tagging."),
    NO_PERMISSION_TAG(403, "NoPermission.Tag", "The operator is not permission for the tag."),
    QUOTA_EXCEEDED(400, "OperationDenied.QuotaExceed", "The quota of tags on resource is beyond permitted range."),

    // Faults of the service itself.
    INTERNAL_ERROR(500, "InternalError",
            "The request processing has failed due to some unknown error, exception or failure."),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");

    @Getter
    private final int httpStatus;
    @Getter
    private final String code;
    private final String messageTemplate;

    /** The documented message, with the template's placeholders filled from {@code args} ("" where none given). */
    public String message(Object... args) {
        if (!messageTemplate.contains("%s")) {
            return messageTemplate;
        }
        return String.format(messageTemplate, args.length == 0 ? new Object[]{""} : args);
    }

    public ApiException exception(Object... args) {
        return new ApiException(this, message(args));
    }
}
