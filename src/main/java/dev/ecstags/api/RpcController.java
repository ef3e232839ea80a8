package dev.ecstags.api;

import dev.ecstags.auth.Authenticated;
import dev.ecstags.auth.Caller;
import dev.ecstags.auth.RequestAuthenticator;
import dev.ecstags.auth.SignatureNonce;
import dev.ecstags.auth.SignedRequest;
import dev.ecstags.error.ApiException;
import dev.ecstags.error.ErrorCode;
import dev.ecstags.history.ChangeSource;
import dev.ecstags.tag.DescribeTagsRequest;
import dev.ecstags.tag.ListTagResourcesRequest;
import dev.ecstags.tag.TagCatalog;
import dev.ecstags.throttle.AccountThrottle;
import dev.ecstags.tag.TagResourcesRequest;
import dev.ecstags.tag.TagService;
import dev.ecstags.tag.UntagResourcesRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RPC endpoint: {@code GET|POST /?Action=…}. It checks a call in the order docs/contract.md §3 gives: method,
 * common parameters, version, action, signature, malformed values, then the action's own rules. The answer's format
 * is chosen first, so that even the earliest refusal comes in the format the caller asked for.
 */
@RestController
class RpcController {

    private final RequestAuthenticator authenticator;
    private final TagService tags;
    private final RpcRenderer renderer;
    private final AccountThrottle throttle;
    private final TagCatalog catalog;

    RpcController(RequestAuthenticator authenticator, TagService tags, RpcRenderer renderer,
                  AccountThrottle throttle, TagCatalog catalog) {
        this.authenticator = authenticator;
        this.tags = tags;
        this.renderer = renderer;
        this.throttle = throttle;
        this.catalog = catalog;
    }

    /**
     * Every method, OPTIONS included (Spring would otherwise answer it itself), so the others get the API's error;
     * TRACE is refused by {@link RequestIntakeFilter}, a method Spring has no name for (PROPFIND…) by
     * {@link RpcErrorController}.
     */
    @RequestMapping(path = "/", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH, RequestMethod.HEAD, RequestMethod.OPTIONS})
    ResponseEntity<byte[]> call(HttpServletRequest http) throws IOException {
        var exchange = RpcExchange.of(http);
        var read = RpcRequests.read(http);
        SignedRequest request = read.signed();
        exchange.describe(request,
                RpcAction.named(request.action()).map(Enum::name).orElse(RpcExchange.UNKNOWN_ACTION));
        String formatParameter = request.parameters().get("Format");
        ResponseFormat requested = formatParameter == null || formatParameter.isEmpty()
                ? ResponseFormat.negotiated(request)
                : ResponseFormat.named(formatParameter);
        exchange.respondIn(requested != null ? requested : ResponseFormat.negotiated(request));

        if (!"GET".equals(http.getMethod()) && !"POST".equals(http.getMethod())) {
            throw ErrorCode.UNSUPPORTED_HTTP_METHOD.exception();
        }
        authenticator.requireCommonParameters(request);
        if (!RpcAction.API_VERSION.equals(request.version())) {
            throw ErrorCode.INVALID_VERSION.exception();
        }
        RpcAction action = RpcAction.named(request.action()).orElseThrow(ErrorCode.INVALID_ACTION::exception);
        var authenticated = authenticator.verify(request);
        try (var admission = throttle.admission(request.parameters().get("RegionId"), action.actionClass())) {
            // After the signature, so nobody but the account can spend its share; before the nonce is recorded, so a
            // throttled call does not use it up.
            exchange.authenticated(authenticated.caller());
            admission.admit(authenticated.caller());
            return act(exchange, read, requested, authenticated, action);
        }
    }

    private ResponseEntity<byte[]> act(RpcExchange exchange, RpcRequests read, ResponseFormat requested,
                                       Authenticated authenticated, RpcAction action) {
        SignedRequest request = read.signed();
        Caller caller = authenticated.caller();
        SignatureNonce nonce = authenticated.nonce();
        Object body;
        try {
            if (read.malformed().isPresent()) {
                throw ErrorCode.INVALID_PARAMETER.exception(read.malformed().get());
            }
            if (requested == null) {
                throw ErrorCode.INVALID_PARAMETER.exception("Format");
            }

            var parameters = new RpcParameters(request.parameters());
            body = switch (action) {
                case UntagResources -> {
                    tags.untagResources(untagRequest(caller, parameters), nonce, changeSource(exchange, caller));
                    yield new RpcResponses.RequestIdOnly(exchange.requestId());
                }
                case TagResources -> {
                    tags.tagResources(tagRequest(caller, parameters), nonce, changeSource(exchange, caller));
                    yield new RpcResponses.RequestIdOnly(exchange.requestId());
                }
                case ListTagResources -> RpcResponses.TagResourcesPage.of(exchange.requestId(),
                        tags.listTagResources(listRequest(caller, parameters), nonce));
                case DescribeTags -> RpcResponses.DescribeTagsPage.of(exchange.requestId(),
                        catalog.describeTags(describeTagsRequest(caller, parameters), nonce));
            };
            // An action that answered without a statement of its own (DescribeTags of a category the caller's kind
            // has no tags in) still uses its nonce up; after a statement that recorded it, this does nothing.
            authenticator.spendNonce(nonce);
        } catch (ApiException refusal) {
            // Refused before the action's statement recorded the nonce: it is used up all the same, and a reused one
            // answers SignatureNonceUsed instead (the contract puts it before every parameter rule).
            authenticator.spendNonce(nonce);
            throw refusal;
        }
        return renderer.render(exchange, 200, action.responseElement(), body);
    }

    private static UntagResourcesRequest untagRequest(Caller caller, RpcParameters parameters) {
        var resourceIds = parameters.resourceIds();
        var tagKeys = parameters.list("TagKey");
        boolean all = parameters.flag("All");
        return new UntagResourcesRequest(caller, parameters.get("RegionId"), parameters.get("ResourceType"),
                resourceIds, tagKeys, all, parameters.get("TagOwnerUid"), parameters.get("TagOwnerBid"),
                parameters.get("Scope"));
    }

    private static TagResourcesRequest tagRequest(Caller caller, RpcParameters parameters) {
        var resourceIds = parameters.resourceIds();
        var tagList = parameters.tags();
        return new TagResourcesRequest(caller, parameters.get("RegionId"), parameters.get("ResourceType"),
                resourceIds, tagList, parameters.get("TagOwnerUid"), parameters.get("TagOwnerBid"),
                parameters.get("Scope"));
    }

    private static ListTagResourcesRequest listRequest(Caller caller, RpcParameters parameters) {
        var resourceIds = parameters.resourceIds();
        var tagList = parameters.tags();
        var tagFilters = parameters.tagFilters();
        return new ListTagResourcesRequest(caller, parameters.get("RegionId"), parameters.get("ResourceType"),
                resourceIds, tagList, tagFilters, parameters.get("NextToken"), parameters.get("TagOwnerUid"),
                parameters.get("TagOwnerBid"), parameters.get("Scope"));
    }

    /** Who makes a change, for the tag history: this call's RequestId and the AccessKeyId that signed it. */
    private static ChangeSource changeSource(RpcExchange exchange, Caller caller) {
        return new ChangeSource(exchange.requestId(), caller.accessKeyId());
    }

    private static DescribeTagsRequest describeTagsRequest(Caller caller, RpcParameters parameters) {
        return new DescribeTagsRequest(caller, parameters.get("RegionId"), parameters.get("ResourceType"),
                parameters.get("ResourceId"), parameters.tags(), parameters.get("PageNumber"),
                parameters.get("PageSize"), parameters.get("Category"), parameters.get("TagOwnerUid"),
                parameters.get("TagOwnerBid"), parameters.get("Scope"));
    }
}
