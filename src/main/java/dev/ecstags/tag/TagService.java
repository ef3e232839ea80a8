package dev.ecstags.tag;

import dev.ecstags.auth.SignatureNonce;
import dev.ecstags.error.ErrorCode;
import dev.ecstags.history.ChangeSource;
import dev.ecstags.resource.ResourceType;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The tag actions. Every check passes before anything changes, and each action is one statement (or one function
 * call) that also records the request's nonce, so a request that fails changes nothing but its nonce, and a
 * request costs one database round trip.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TagService {

    static final int MAX_TAGS_PER_RESOURCE = 20;

    private final TagRequestRules rules;
    private final TagStore store;
    private final NextTokens nextTokens;

    /**
     * Checks the request, then records its nonce, untags and records the change in the tag history in one statement.
     *
     * @param source who asks, recorded in the tag history beside every change
     */
    public void untagResources(UntagResourcesRequest request, SignatureNonce nonce, ChangeSource source) {
        var target = validate(request);
        var outcome = store.untag(target, request.keysToRemove(), nonce, source);
        nonce.settle(outcome.nonceFresh());
        requireInOrder(target, outcome, 0);
    }

    /** Checks the request, then records its nonce, tags within the quota and records the change in one call. */
    public void tagResources(TagResourcesRequest request, SignatureNonce nonce, ChangeSource source) {
        var target = validate(request);
        var tags = request.tagsToWrite();
        var outcome = store.tagWithinQuota(target, tags, MAX_TAGS_PER_RESOURCE, nonce, source);
        nonce.settle(outcome.nonceFresh());
        requireInOrder(target, outcome, tags.size());
    }

    /** Checks the request and its page token, then records its nonce and reads the page in one statement. */
    public TagPage listTagResources(ListTagResourcesRequest request, SignatureNonce nonce) {
        var target = validate(request);
        var query = TagQuery.of(target, request);
        var after = request.nextToken() == null || request.nextToken().isEmpty()
                ? null
                : nextTokens.read(request.nextToken(), query.fingerprint());
        var listing = store.find(query, after, TagStore.PAGE_SIZE + 1, nonce);
        nonce.settle(listing.nonceFresh());
        var rows = listing.entries();
        if (rows.size() <= TagStore.PAGE_SIZE) {
            return new TagPage(rows, "");
        }
        var page = rows.subList(0, TagStore.PAGE_SIZE);
        return new TagPage(List.copyOf(page), nextTokens.issue(page.get(page.size() - 1), query.fingerprint()));
    }

    /** Checks the request's rules, then resolves where its statement acts. */
    private ResolvedTarget validate(TagRequest request) {
        rules.check(request);
        TagTarget target = request.target();
        var type = ResourceType.fromWire(target.resourceType()).orElseThrow();
        return new ResolvedTarget(target.ownerAccountId(), target.regionId(), type.wireName(),
                request.resourceIds().values().stream().distinct().toList(), target.privateTags());
    }

    /** Refuses, in the catalog's order, what a statement found wrong; the statement itself changed nothing. */
    private static void requireInOrder(ResolvedTarget target, ChangeOutcome outcome, int tagsAdded) {
        if (outcome.found() < target.resourceIds().size()) {
            throw ErrorCode.RESOURCE_NOT_FOUND.exception();
        }
        if (outcome.untaggable() > 0) {
            throw ErrorCode.RESOURCE_NOT_TAGGABLE.exception();
        }
        if (outcome.otherKind()) {
            throw ErrorCode.NO_PERMISSION_TAG.exception();
        }
        if (outcome.mostKept() + tagsAdded > MAX_TAGS_PER_RESOURCE) {
            throw ErrorCode.QUOTA_EXCEEDED.exception();
        }
    }
}
