package dev.ecstags.api;

import dev.ecstags.auth.Authenticated;
import dev.ecstags.auth.Caller;
import dev.ecstags.auth.RequestAuthenticator;
import dev.ecstags.auth.RequestCredentials;
import dev.ecstags.auth.SignatureNonce;
import dev.ecstags.auth.SignedRequest;
import dev.ecstags.error.ApiException;
import dev.ecstags.error.ErrorCode;
import dev.ecstags.history.ChangeSource;
import dev.ecstags.inflight.InFlightCalls;
import dev.ecstags.tag.DescribeTagsRequest;
import dev.ecstags.tag.ListTagResourcesRequest;
import dev.ecstags.tag.TagCatalog;
import dev.ecstags.tag.TagResourcesRequest;
import dev.ecstags.tag.TagService;
import dev.ecstags.tag.TagTarget;
import dev.ecstags.tag.UntagResourcesRequest;
import dev.ecstags.throttle.AccountThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RPC endpoint: {@code GET|POST /?Action=…}. {@link #call} is the whole request path, one statement per step of
 * docs/contract.md §3, in that order; the first step that fails answers. For transport and authentication (steps
 * 0 to 13) the order of these statements decides precedence, not the order of {@code ErrorCode}; for the action's
 * own rules (step 16) {@code TagRequestRules} decides it by {@code ErrorCode} declaration order.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RpcController {

    private final RequestAuthenticator authenticator;
    private final TagService tags;
    private final RpcRenderer renderer;
    private final AccountThrottle throttle;
    private final TagCatalog catalog;
    private final InFlightCalls inFlight;

    /**
     * Every method, OPTIONS included (Spring would otherwise answer it itself), so the others get the API's error;
     * TRACE is refused by {@link RequestIntakeFilter}, a method Spring has no name for (PROPFIND…) by
     * {@link RpcErrorController}.
     */
    @RequestMapping(path = "/", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH, RequestMethod.HEAD, RequestMethod.OPTIONS})
    void call(HttpServletRequest http, HttpServletResponse response) throws IOException {
        var exchange = RpcExchange.of(http);
        var rpc = RpcRequest.read(http);
        SignedRequest request = rpc.signed();
        RpcAction action = RpcAction.named(request.action());
        exchange.describe(request, action == null ? RpcExchange.UNKNOWN_ACTION : action.name());

        // 0. The answer's format, first, so that even the earliest refusal comes in it; a Format that names neither
        // JSON nor XML is refused only at step 14.
        String formatParameter = request.parameters().get("Format");
        ResponseFormat requested = formatParameter == null || formatParameter.isEmpty()
                ? ResponseFormat.negotiated(request)
                : ResponseFormat.named(formatParameter);
        exchange.respondIn(requested != null ? requested : ResponseFormat.negotiated(request));

        // 1. The method.
        if (!"GET".equals(http.getMethod()) && !"POST".equals(http.getMethod())) {
            throw ErrorCode.UNSUPPORTED_HTTP_METHOD.exception();
        }
        // 2, 3. The common parameters, read once and handed on (MissingParameter; a malformed V3 Authorization is
        // IncompleteSignature here).
        RequestCredentials credentials = RequestCredentials.read(request);
        // 4. The version.
        if (!RpcAction.API_VERSION.equals(request.version())) {
            throw ErrorCode.INVALID_VERSION.exception();
        }
        // 5. The action.
        if (action == null) {
            throw ErrorCode.INVALID_ACTION.exception();
        }
        // 6 to 11. Timestamp, AccessKey, signature (a V1 SignatureMethod/SignatureVersion other than HMAC-SHA1/1.0
        // is IncompleteSignature here, after the AccessKey checks). The nonce is not recorded yet.
        Authenticated authenticated = authenticator.verify(request, credentials);
        exchange.authenticated(authenticated.caller());
        // 12. Flow control: after the signature, so nobody but the account can spend its share; before the nonce is
        // recorded, so a throttled call does not use it up. Until its answer is ready, the call watches its
        // client: should the client leave, the call's statement is cancelled (InFlightCalls) and it ends without an
        // answer (RpcExceptionHandler.clientLeft).
        Object body;
        try (var admission = throttle.admission(request.parameters().get("RegionId"), action.actionClass());
                var watch = inFlight.watch(WatchedProcessor.serving())) {
            admission.admit(authenticated.caller());
            body = act(exchange, rpc, requested, authenticated, action);
        }
        // The answer is written once the watch has ended: the watcher never reads a connection being written to.
        renderer.write(response, exchange, 200, action.responseElement(), body);
    }

    /**
     * Steps 13 to 18. The nonce (13) is recorded by the action's own statement, in the same round trip; a refusal
     * before that statement records it alone ({@code spendNonce}), so it is used up all the same, and a reused one
     * answers SignatureNonceUsed instead of the refusal (the contract puts it before every parameter rule). Returns
     * the answer's body.
     */
    private Object act(RpcExchange exchange, RpcRequest rpc, ResponseFormat requested, Authenticated authenticated,
            RpcAction action) {
        Caller caller = authenticated.caller();
        SignatureNonce nonce = authenticated.nonce();
        Object body;
        try {
            // 13a. A parameter that could not be read.
            if (rpc.malformed().isPresent()) {
                throw ErrorCode.INVALID_PARAMETER.exception(rpc.malformed().get());
            }
            // 14. Format.
            if (requested == null) {
                throw ErrorCode.INVALID_PARAMETER.exception("Format");
            }
            // 15. The repeat lists' indexes and All, as each request is built; 16 to 18 in the action.
            var parameters = new RpcParameters(rpc.signed().parameters());
            TagTarget target = parameters.tagTarget(caller);
            body = switch (action) {
                case UntagResources -> {
                    tags.untagResources(new UntagResourcesRequest(target, parameters.resourceIds(),
                            parameters.list("TagKey"), parameters.flag("All")), nonce, changeSource(exchange, caller));
                    yield new RpcResponses.RequestIdOnly(exchange.requestId());
                }
                case TagResources -> {
                    tags.tagResources(new TagResourcesRequest(target, parameters.resourceIds(), parameters.tags()),
                            nonce, changeSource(exchange, caller));
                    yield new RpcResponses.RequestIdOnly(exchange.requestId());
                }
                case ListTagResources -> RpcResponses.TagResourcesPage.of(exchange.requestId(),
                        tags.listTagResources(new ListTagResourcesRequest(target, parameters.resourceIds(),
                                parameters.tags(), parameters.tagFilters(), parameters.get("NextToken")), nonce));
                case DescribeTags -> RpcResponses.DescribeTagsPage.of(exchange.requestId(),
                        catalog.describeTags(new DescribeTagsRequest(target, parameters.get("ResourceId"),
                                parameters.tags(), parameters.get("PageNumber"), parameters.get("PageSize"),
                                parameters.get("Category")), nonce));
            };
            // An action that answered without a statement of its own (DescribeTags of a category the caller's kind
            // has no tags in) still uses its nonce up; after a statement that recorded it, this does nothing.
            authenticator.spendNonce(nonce);
        } catch (ApiException refusal) {
            authenticator.spendNonce(nonce);
            throw refusal;
        }
        return body;
    }

    /** Who makes a change, for the tag history: this call's RequestId and the AccessKeyId that signed it. */
    private static ChangeSource changeSource(RpcExchange exchange, Caller caller) {
        return new ChangeSource(exchange.requestId(), caller.accessKeyId());
    }
}
