package dev.ecstags.tag;

import dev.ecstags.error.ErrorCode;
import dev.ecstags.resource.ResourceType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tag actions. Every check passes before anything changes, and each change is one transaction, so a request
 * that fails changes nothing.
 */
@Service
public class TagService {

    static final int MAX_TAGS_PER_RESOURCE = 20;

    private final Validator validator;
    private final TagStore store;
    private final NextTokens nextTokens;

    TagService(Validator validator, TagStore store, NextTokens nextTokens) {
        this.validator = validator;
        this.store = store;
        this.nextTokens = nextTokens;
    }

    @Transactional
    public void untagResources(UntagResourcesRequest request) {
        var target = validate(request);
        var keys = request.keysToRemove();
        var inspection = store.inspect(target, keys);
        requireTaggable(target, inspection);
        if (inspection.otherKind()) {
            throw ErrorCode.NO_PERMISSION_TAG.exception();
        }
        store.delete(target, keys);
    }

    @Transactional
    public void tagResources(TagResourcesRequest request) {
        var target = validate(request);
        var tags = request.tagsToWrite();
        var inspection = store.lockAndInspect(target, List.copyOf(tags.keySet()));
        requireTaggable(target, inspection);
        if (inspection.otherKind()) {
            throw ErrorCode.NO_PERMISSION_TAG.exception();
        }
        if (inspection.mostKept() + tags.size() > MAX_TAGS_PER_RESOURCE) {
            throw ErrorCode.QUOTA_EXCEEDED.exception();
        }
        store.write(target, tags);
    }

    @Transactional(readOnly = true)
    public TagPage listTagResources(ListTagResourcesRequest request) {
        var target = validate(request);
        var query = TagQuery.of(target, request);
        var after = request.nextToken() == null || request.nextToken().isEmpty()
                ? null
                : nextTokens.read(request.nextToken(), query.fingerprint());
        var rows = store.find(query, after, TagStore.PAGE_SIZE + 1);
        if (rows.size() <= TagStore.PAGE_SIZE) {
            return new TagPage(rows, "");
        }
        var page = rows.subList(0, TagStore.PAGE_SIZE);
        return new TagPage(List.copyOf(page), nextTokens.issue(page.get(page.size() - 1), query.fingerprint()));
    }

    private Target validate(TagRequest request) {
        var violations = validator.validate(request);
        violations.stream()
                .map(ConstraintViolation::getMessage)
                .map(ErrorCode::valueOf)
                .min(Comparator.naturalOrder())
                .ifPresent(code -> {
                    throw code.exception();
                });
        var type = ResourceType.fromWire(request.resourceType()).orElseThrow();
        return new Target(request.ownerAccountId(), request.regionId(), type.wireName(),
                request.resourceIds().values().stream().distinct().toList(), request.privateTags());
    }

    private static void requireTaggable(Target target, TagStore.Inspection inspection) {
        if (inspection.found() < target.resourceIds().size()) {
            throw ErrorCode.RESOURCE_NOT_FOUND.exception();
        }
        if (inspection.untaggable() > 0) {
            throw ErrorCode.RESOURCE_NOT_TAGGABLE.exception();
        }
    }

    /** Where a call acts: one account's resources of one type in one region, and one kind of tag. */
    record Target(String accountId, String regionId, String resourceType, List<String> resourceIds,
                  boolean privateTags) {

        String describe() {
            return String.join("\u0001", accountId, regionId, resourceType.toLowerCase(Locale.ROOT),
                    Boolean.toString(privateTags));
        }
    }
}
