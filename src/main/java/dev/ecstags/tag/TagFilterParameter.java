package dev.ecstags.tag;

import java.util.SortedMap;

/**
 * One {@code TagFilter.N}. Without values the key is a pattern ({@code env*} prefix, {@code *env*} infix, else
 * exact); with values the key is exact and the values are patterns, any of which may match.
 */
public record TagFilterParameter(String tagKey, SortedMap<Integer, String> tagValues) {

    boolean hasKey() {
        return tagKey != null && !tagKey.isEmpty();
    }
}
