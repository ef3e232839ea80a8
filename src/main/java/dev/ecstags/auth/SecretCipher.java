package dev.ecstags.auth;

import dev.ecstags.TagsProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts AccessKey secrets at rest with AES-256-GCM under the master key (TAGS_MASTER_KEY). Stored form: a 3-byte
 * format mark ("ks1"), the 4-byte id of the master key that sealed it, a random 12-byte IV, then the ciphertext with
 * its 16-byte tag. The AccessKeyId and the header are authenticated with it, so a secret's ciphertext copied onto
 * another key's row does not decrypt.
 *
 * <p>Rotation: secrets sealed under a key of TAGS_PREVIOUS_MASTER_KEYS still open (the id says which), and
 * {@link AccessKeys#resealSecrets} seals them again under the current key. Rows written before key ids existed (IV
 * first, no header) open under the current key or a previous one.
 */
@Component
class SecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte[] FORMAT = {'k', 's', '1'};
    private static final int KEY_ID_BYTES = 4;
    private static final int HEADER_BYTES = FORMAT.length + KEY_ID_BYTES;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey current;
    /** The current key first, then the previous ones in the order given. */
    private final List<MasterKey> keys;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(TagsProperties properties) {
        this.current = new MasterKey(properties.masterKeyBytes());
        List<MasterKey> all = new ArrayList<>(List.of(current));
        properties.previousMasterKeyBytes().forEach(bytes -> all.add(new MasterKey(bytes)));
        this.keys = List.copyOf(all);
    }

    byte[] encrypt(String accessKeyId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT).put(current.id).array();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, current.key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(accessKeyId.getBytes(StandardCharsets.UTF_8));
            cipher.updateAAD(header);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER_BYTES + IV_BYTES + sealed.length).put(header).put(iv).put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    String decrypt(String accessKeyId, byte[] stored) {
        if (hasHeader(stored)) {
            byte[] keyId = Arrays.copyOfRange(stored, FORMAT.length, HEADER_BYTES);
            for (MasterKey key : keys) {
                if (Arrays.equals(key.id, keyId)) {
                    String secret = open(key, accessKeyId, stored, HEADER_BYTES,
                            Arrays.copyOf(stored, HEADER_BYTES));
                    if (secret != null) {
                        return secret;
                    }
                }
            }
        }
        // Written before key ids (or an IV that happens to start with the format mark): IV first, no header.
        for (MasterKey key : keys) {
            String secret = open(key, accessKeyId, stored, 0, null);
            if (secret != null) {
                return secret;
            }
        }
        throw new IllegalStateException("The secret of AccessKey " + accessKeyId + " cannot be decrypted with the "
                + "master key (TAGS_MASTER_KEY) nor any of TAGS_PREVIOUS_MASTER_KEYS");
    }

    /** Whether a stored secret is sealed under the current master key, in the current format. */
    boolean sealedUnderCurrentKey(byte[] stored) {
        return hasHeader(stored) && Arrays.equals(Arrays.copyOfRange(stored, FORMAT.length, HEADER_BYTES), current.id);
    }

    /** The current master key's id, as hex: it says which key sealed a secret, and nothing about the key. */
    String currentKeyId() {
        return HexFormat.of().formatHex(current.id);
    }

    private static boolean hasHeader(byte[] stored) {
        return stored.length > HEADER_BYTES + IV_BYTES
                && Arrays.equals(stored, 0, FORMAT.length, FORMAT, 0, FORMAT.length);
    }

    /** The secret, or null if this key (or this reading of the format) does not open it. */
    private static String open(MasterKey key, String accessKeyId, byte[] stored, int offset, byte[] header) {
        if (stored.length < offset + IV_BYTES + TAG_BITS / 8) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.key, new GCMParameterSpec(TAG_BITS, stored, offset, IV_BYTES));
            cipher.updateAAD(accessKeyId.getBytes(StandardCharsets.UTF_8));
            if (header != null) {
                cipher.updateAAD(header);
            }
            int start = offset + IV_BYTES;
            return new String(cipher.doFinal(stored, start, stored.length - start), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static final class MasterKey {

        private final SecretKey key;
        private final byte[] id;

        MasterKey(byte[] bytes) {
            this.key = new SecretKeySpec(bytes, "AES");
            this.id = Arrays.copyOf(mac(bytes), KEY_ID_BYTES);
        }

        /** An id derived from the key by HMAC: the same key always has the same id, and the id reveals nothing. */
        private static byte[] mac(byte[] bytes) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
                return mac.doFinal("ecs-tag-service master key id".getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Every Java platform has HmacSHA256", e);
            }
        }
    }
}
