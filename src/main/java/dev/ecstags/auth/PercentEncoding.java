package dev.ecstags.auth;

import java.nio.charset.StandardCharsets;

/**
 * The RFC 3986 percent-encoding both signature versions canonicalise with: unreserved characters stay, every other
 * UTF-8 byte becomes {@code %XY} in upper-case hex (so a space is {@code %20}, never {@code +}).
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    static String encode(String value) {
        var encoded = new StringBuilder(value.length() + 16);
        append(encoded, value, "%");
        return encoded.toString();
    }

    /**
     * Appends {@code encode(encode(value))}: an unreserved character stays, any other byte becomes {@code %25XY}
     * (the {@code %} of its first encoding encoded again; the hex digits are unreserved).
     */
    static void appendEncodedTwice(StringBuilder target, String value) {
        append(target, value, "%25");
    }

    /** Each byte that is not unreserved becomes {@code escape} and its two upper-case hex digits. */
    private static void append(StringBuilder target, String value, String escape) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int octet = b & 0xff;
            if (isUnreserved(octet)) {
                target.append((char) octet);
            } else {
                target.append(escape).append(HEX[octet >> 4]).append(HEX[octet & 0x0f]);
            }
        }
    }

    private static boolean isUnreserved(int octet) {
        return (octet >= 'A' && octet <= 'Z') || (octet >= 'a' && octet <= 'z') || (octet >= '0' && octet <= '9')
                || octet == '-' || octet == '_' || octet == '.' || octet == '~';
    }
}
