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
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int octet = b & 0xff;
            if (isUnreserved(octet)) {
                encoded.append((char) octet);
            } else {
                encoded.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0x0f]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int octet) {
        return (octet >= 'A' && octet <= 'Z') || (octet >= 'a' && octet <= 'z') || (octet >= '0' && octet <= '9')
                || octet == '-' || octet == '_' || octet == '.' || octet == '~';
    }
}
