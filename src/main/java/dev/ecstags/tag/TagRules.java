package dev.ecstags.tag;

import dev.ecstags.auth.Caller;
import java.util.Locale;

/**
 * The key and value rules of the tag API. A service key writes system tags, so the reserved prefixes are closed
 * only to normal keys.
 */
record TagRules(boolean reservedPrefixesAllowed) {

    static final int MAX_LENGTH = 128;

    static TagRules forCaller(Caller caller) {
        return new TagRules(caller.service());
    }

    /** UntagResources: an empty key is allowed (it matches no tag). */
    boolean isKeyToRemoveValid(String key) {
        return key.length() <= MAX_LENGTH && !hasReservedKeyPrefix(key) && !containsUrl(key);
    }

    /** TagResources and ListTagResources: a key must not be empty. */
    boolean isKeyToWriteValid(String key) {
        return !key.isEmpty() && isKeyToRemoveValid(key);
    }

    boolean isValueValid(String value) {
        return value.length() <= MAX_LENGTH && !containsUrl(value)
                && (reservedPrefixesAllowed || !lower(value).startsWith("acs:"));
    }

    private boolean hasReservedKeyPrefix(String key) {
        String lower = lower(key);
        return !reservedPrefixesAllowed && (lower.startsWith("aliyun") || lower.startsWith("acs:"));
    }

    private static boolean containsUrl(String text) {
        String lower = lower(text);
        return lower.contains("http://") || lower.contains("https://");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
