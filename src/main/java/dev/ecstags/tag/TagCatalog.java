package dev.ecstags.tag;

import dev.ecstags.auth.SignatureNonce;
import dev.ecstags.resource.ResourceType;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * DescribeTags: the tag catalog over the same rows the tag actions write. It shows the caller's kind of tag only,
 * as ListTagResources does: public tags, or private (system) tags for a service key with Scope=private.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TagCatalog {

    private final TagRequestRules rules;
    private final TagCatalogStore store;

    /**
     * Checks the request, then records its nonce and reads the page in one statement. A category the caller's kind
     * of tag has none in is answered without a statement; the caller then spends the nonce on its own.
     */
    public TagCatalogPage describeTags(DescribeTagsRequest request, SignatureNonce nonce) {
        rules.check(request);
        int page = request.page();
        int size = request.size();
        if (!request.categoryMatchesKind()) {
            return new TagCatalogPage(page, size, 0, List.of());
        }
        TagTarget target = request.target();
        String type = target.namesResourceType()
                ? ResourceType.fromWire(target.resourceType()).orElseThrow().wireName()
                : null;
        var query = new CatalogQuery(target.ownerAccountId(), target.regionId(), type,
                request.resourceIds().isEmpty() ? null : request.resourceIds().get(1), target.privateTags(),
                List.copyOf(request.tags().values()));
        long offset = (long) (page - 1) * size;
        var described = store.describe(query, offset, size, page, nonce);
        nonce.settle(described.nonceFresh());
        return described.page();
    }
}
