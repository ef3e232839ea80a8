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
        return key.length() <= MAX_LENGTH && isXmlText(key) && !hasReservedKeyPrefix(key) && !containsUrl(key);
    }

    /** TagResources and ListTagResources: a key must not be empty. */
    boolean isKeyToWriteValid(String key) {
        return !key.isEmpty() && isKeyToRemoveValid(key);
    }

    boolean isValueValid(String value) {
        return value.length() <= MAX_LENGTH && isXmlText(value) && !containsUrl(value)
                && (reservedPrefixesAllowed || !lower(value).startsWith("acs:"));
    }

    /**
     * Whether XML 1.0 can carry the text (its {@code Char} production): no C0 control but tab, LF and CR, no
     * U+FFFE/U+FFFF, no lone surrogate. What is stored is listed later, in XML too, so what XML cannot carry is
     * refused when written rather than failing every listing that would show it; PostgreSQL refuses NUL anyway.
     */
    static boolean isXmlText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (c < 0x20
                    ? c != '\t' && c != '\n' && c != '\r'
                    : Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                return false;
            }
        }
        return true;
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
