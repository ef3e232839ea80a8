package dev.ecstags.tag;

import java.util.Map;
import java.util.Objects;

/** One {@code Tag.N}: either part may be absent (null) on the wire. */
public record TagParameter(String key, String value) {

    static boolean keysAreDistinct(Map<Integer, TagParameter> tags) {
        var keys = tags.values().stream().map(TagParameter::key).filter(Objects::nonNull).toList();
        return keys.stream().distinct().count() == keys.size();
    }
}
