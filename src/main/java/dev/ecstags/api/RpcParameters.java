package dev.ecstags.api;

import dev.ecstags.auth.Caller;
import dev.ecstags.error.ErrorCode;
import dev.ecstags.tag.TagFilterParameter;
import dev.ecstags.tag.TagParameter;
import dev.ecstags.tag.TagTarget;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RPC request's parameters, with the repeat lists ({@code ResourceId.N}, {@code Tag.N.Key},
 * {@code TagFilter.N.TagValues.M}) gathered by index. An index that is not a number is a malformed value.
 */
record RpcParameters(Map<String, String> values) {

    private static final Pattern TAG = Pattern.compile("Tag\\.([^.]*)\\.(Key|Value)");
    private static final Pattern TAG_FILTER_KEY = Pattern.compile("TagFilter\\.([^.]*)\\.TagKey");
    private static final Pattern TAG_FILTER_VALUE = Pattern.compile("TagFilter\\.([^.]*)\\.TagValues\\.([^.]*)");
    private static final int MAX_TAG_FILTERS = 5;

    String get(String name) {
        return values.get(name);
    }

    /** What every tag action names besides its own parameters; the one place these wire names are read. */
    TagTarget tagTarget(Caller caller) {
        return new TagTarget(caller, get("RegionId"), get("ResourceType"), get("TagOwnerUid"), get("TagOwnerBid"),
                get("Scope"));
    }

    /** {@code true}/{@code false} in any case; absent is false. */
    boolean flag(String name) {
        String value = values.get(name);
        if (value == null || "false".equalsIgnoreCase(value)) {
            return false;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        throw ErrorCode.INVALID_PARAMETER.exception(name);
    }

    /** {@code ResourceId.N}: index 0 is malformed; an index above the limit is the limit's business. */
    SortedMap<Integer, String> resourceIds() {
        var ids = list("ResourceId");
        if (ids.containsKey(0)) {
            throw ErrorCode.INVALID_PARAMETER.exception("ResourceId.0");
        }
        return ids;
    }

    /** {@code <prefix>.N}, by N. */
    SortedMap<Integer, String> list(String prefix) {
        String start = prefix + ".";
        var byIndex = new TreeMap<Integer, String>();
        values.forEach((name, value) -> {
            if (name.startsWith(start) && name.indexOf('.', start.length()) < 0) {
                byIndex.put(index(name, name.substring(start.length())), value);
            }
        });
        return byIndex;
    }

    /** {@code Tag.N.Key} and {@code Tag.N.Value}, by N; either part may be absent. */
    SortedMap<Integer, TagParameter> tags() {
        var tags = new TreeMap<Integer, TagParameter>();
        values.forEach((name, value) -> {
            // The prefix first: most parameters are not tags, and need no regex.
            Matcher match = name.startsWith("Tag.") ? TAG.matcher(name) : null;
            if (match != null && match.matches()) {
                tags.merge(index(name, match.group(1)),
                        "Key".equals(match.group(2)) ? new TagParameter(value, null) : new TagParameter(null, value),
                        (a, b) -> new TagParameter(a.key() != null ? a.key() : b.key(),
                                a.value() != null ? a.value() : b.value()));
            }
        });
        return tags;
    }

    /** {@code TagFilter.N.TagKey} and {@code TagFilter.N.TagValues.M}, N and M in 1..5. */
    SortedMap<Integer, TagFilterParameter> tagFilters() {
        var keys = new TreeMap<Integer, String>();
        var valuesByFilter = new TreeMap<Integer, SortedMap<Integer, String>>();
        values.forEach((name, value) -> {
            if (!name.startsWith("TagFilter.")) {
                return;
            }
            Matcher key = TAG_FILTER_KEY.matcher(name);
            Matcher tagValue = TAG_FILTER_VALUE.matcher(name);
            if (key.matches()) {
                keys.put(filterIndex(name, key.group(1)), value);
            } else if (tagValue.matches()) {
                valuesByFilter.computeIfAbsent(filterIndex(name, tagValue.group(1)), n -> new TreeMap<>())
                        .put(filterIndex(name, tagValue.group(2)), value);
            }
        });
        var filters = new TreeMap<Integer, TagFilterParameter>();
        keys.forEach((n, key) -> filters.put(n,
                new TagFilterParameter(key, valuesByFilter.getOrDefault(n, new TreeMap<>()))));
        valuesByFilter.forEach((n, tagValues) -> filters.putIfAbsent(n, new TagFilterParameter(null, tagValues)));
        return filters;
    }

    private static int filterIndex(String name, String index) {
        int n = index(name, index);
        if (n < 1 || n > MAX_TAG_FILTERS) {
            throw ErrorCode.INVALID_PARAMETER.exception(name);
        }
        return n;
    }

    /** A numeric index; one too large for an int is still a number, and beyond every limit. */
    private static int index(String name, String index) {
        if (!isAsciiDigits(index)) {
            throw ErrorCode.INVALID_PARAMETER.exception(name);
        }
        // Leading zeros dropped by hand: String.replaceFirst would compile a regex for every index of every call.
        int firstSignificant = 0;
        while (firstSignificant < index.length() - 1 && index.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        String significant = index.substring(firstSignificant);
        return significant.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(significant);
    }

    /** What the pattern {@code \d+} accepts (ASCII digits only), without running a regex for every index. */
    private static boolean isAsciiDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
