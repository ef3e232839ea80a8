package dev.ecstags.tag;

import dev.ecstags.TagsProperties;
import dev.ecstags.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * ListTagResources page tokens. A token carries the last (resource, key) of its page and a MAC over it and the
 * query it was issued for, so it needs no server-side state and any instance can continue the listing.
 */
@Component
class NextTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    NextTokens(TagsProperties properties) {
        // A key of its own, derived from the master key, so page tokens never sign with the secrets' key.
        this.key = new SecretKeySpec(mac(new SecretKeySpec(properties.masterKeyBytes(), ALGORITHM),
                "ecs-tag-service/ListTagResources/NextToken".getBytes(StandardCharsets.UTF_8)), ALGORITHM);
    }

    String issue(TaggedResource last, String queryFingerprint) {
        byte[] position = (last.resourceId() + '\u0000' + last.tagKey()).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(position) + "." + ENCODER.encodeToString(sign(position, queryFingerprint));
    }

    ListingPosition read(String token, String queryFingerprint) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            throw ErrorCode.INVALID_NEXT_TOKEN.exception();
        }
        try {
            byte[] position = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(position, queryFingerprint))) {
                throw ErrorCode.INVALID_NEXT_TOKEN.exception();
            }
            String text = new String(position, StandardCharsets.UTF_8);
            int separator = text.indexOf('\u0000');
            return new ListingPosition(text.substring(0, separator), text.substring(separator + 1));
        } catch (IllegalArgumentException malformed) {
            throw ErrorCode.INVALID_NEXT_TOKEN.exception();
        }
    }

    private byte[] sign(byte[] position, String queryFingerprint) {
        byte[] query = (queryFingerprint + '\u0000').getBytes(StandardCharsets.UTF_8);
        byte[] message = Arrays.copyOf(query, query.length + position.length);
        System.arraycopy(position, 0, message, query.length, position.length);
        return Arrays.copyOf(mac(key, message), MAC_BYTES);
    }

    private static byte[] mac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
