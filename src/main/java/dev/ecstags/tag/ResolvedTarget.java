package dev.ecstags.tag;

import java.util.List;

/**
 * Where a statement acts, once the request's rules hold: one account's resources of one type (its wire name) in one
 * region, the listed ids (distinct, in request order), and one kind of tag.
 */
record ResolvedTarget(String accountId, String regionId, String resourceType, List<String> resourceIds,
        boolean privateTags) {

    String describe() {
        return String.join("\u0001", accountId, regionId, resourceType, Boolean.toString(privateTags));
    }
}
