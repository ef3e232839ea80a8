package dev.ecstags.tag;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What ListTagResources selects: the target's resources, narrowed by tags or tag filters. */
record TagQuery(ResolvedTarget target, boolean byResourceIds, List<TagParameter> tags,
        List<TagFilterParameter> filters) {

    static TagQuery of(ResolvedTarget target, ListTagResourcesRequest request) {
        return new TagQuery(target, !request.resourceIds().isEmpty(), List.copyOf(request.tags().values()),
                List.copyOf(request.tagFilters().values()));
    }

    /** Identifies the query a page token was issued for, so a token cannot be replayed against another one. */
    String fingerprint() {
        String ids = target.resourceIds().stream().sorted().collect(Collectors.joining("\u0001"));
        String tagPart = tags.stream()
                .map(tag -> tag.key() + "\u0001" + Objects.requireNonNullElse(tag.value(), "\u0000"))
                .collect(Collectors.joining("\u0002"));
        String filterPart = filters.stream()
                .map(filter -> filter.tagKey() + "\u0001" + String.join("\u0001", filter.tagValues().values()))
                .collect(Collectors.joining("\u0002"));
        return String.join("\u0003", target.describe(), ids, tagPart, filterPart);
    }

    /** {@code env*} is a prefix, {@code *env*} an infix, {@code *env} a suffix; anything else matches exactly. */
    static String likePattern(String pattern) {
        boolean leading = pattern.startsWith("*");
        boolean trailing = pattern.length() > 1 && pattern.endsWith("*");
        String literal = pattern.substring(leading ? 1 : 0, pattern.length() - (trailing ? 1 : 0));
        String escaped = literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return (leading ? "%" : "") + escaped + (trailing ? "%" : "");
    }
}
