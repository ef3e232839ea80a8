package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.ecstags.TagsProperties;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final SecretCipher cipher = cipher(MASTER_KEY);

    @Test
    void storedFormIsTheKeyIdThenIvThenCiphertextAndTag() {
        byte[] stored = cipher.encrypt("LTAIkey", "a-thirty-character-secret-val1");

        assertThat(stored).hasSize(3 + 4 + 12 + 30 + 16);
        assertThat(Arrays.copyOf(stored, 3)).isEqualTo("ks1".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(stored, 3, 7)).isEqualTo(cipher.currentKeyId());
        assertThat(cipher.sealedUnderCurrentKey(stored)).isTrue();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("a-thirty-character-secret");
        assertThat(cipher.decrypt("LTAIkey", stored)).isEqualTo("a-thirty-character-secret-val1");
    }

    @Test
    void everyEncryptionUsesAFreshIv() {
        byte[] first = cipher.encrypt("LTAIkey", "secret");
        byte[] second = cipher.encrypt("LTAIkey", "secret");

        assertThat(Arrays.copyOfRange(first, 7, 19)).isNotEqualTo(Arrays.copyOfRange(second, 7, 19));
        assertThat(cipher.decrypt("LTAIkey", second)).isEqualTo("secret");
    }

    @Test
    void aCiphertextMovedToAnotherKeyDoesNotDecrypt() {
        byte[] stored = cipher.encrypt("LTAIkey", "secret");

        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt("LTAIother", stored))
                .withMessageContaining("LTAIother");
    }

    @Test
    void anotherMasterKeyDoesNotDecrypt() {
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        byte[] stored = cipher.encrypt("LTAIkey", "secret");

        assertThatIllegalStateException().isThrownBy(
                () -> cipher(Base64.getEncoder().encodeToString(otherKey)).decrypt("LTAIkey", stored));
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        byte[] stored = cipher.encrypt("LTAIkey", "secret");
        stored[stored.length - 1] ^= 1;

        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt("LTAIkey", stored));
    }

    @Test
    void aSecretStoredBeforeKeyIdsStillOpensUnderTheCurrentKey() throws Exception {
        byte[] legacy = legacySeal(new byte[32], "LTAIkey", "old-secret");

        assertThat(cipher.decrypt("LTAIkey", legacy)).isEqualTo("old-secret");
        assertThat(cipher.sealedUnderCurrentKey(legacy)).isFalse();
    }

    @Test
    void afterARotationSecretsSealedUnderThePreviousKeyStillOpen() throws Exception {
        String oldKey = MASTER_KEY;
        String newKey = Base64.getEncoder().encodeToString(filled(7));
        byte[] sealedBefore = cipher.encrypt("LTAIkey", "secret");
        byte[] legacyBefore = legacySeal(new byte[32], "LTAIlegacy", "legacy-secret");

        SecretCipher rotated = new SecretCipher(new TagsProperties(null, newKey, List.of("cn-hangzhou"), null,
                List.of(oldKey)));

        assertThat(rotated.currentKeyId()).isNotEqualTo(cipher.currentKeyId());
        assertThat(rotated.decrypt("LTAIkey", sealedBefore)).isEqualTo("secret");
        assertThat(rotated.decrypt("LTAIlegacy", legacyBefore)).isEqualTo("legacy-secret");
        assertThat(rotated.sealedUnderCurrentKey(sealedBefore)).isFalse();
        byte[] resealed = rotated.encrypt("LTAIkey", rotated.decrypt("LTAIkey", sealedBefore));
        assertThat(rotated.sealedUnderCurrentKey(resealed)).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> cipher(newKey).decrypt("LTAIkey", sealedBefore))
                .withMessageContaining("TAGS_PREVIOUS_MASTER_KEYS");
    }

    /** How secrets were stored before key ids: IV, then ciphertext and tag, the AccessKeyId authenticated. */
    static byte[] legacySeal(byte[] key, String accessKeyId, String secret) throws Exception {
        byte[] iv = new byte[12];
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        aes.updateAAD(accessKeyId.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[12 + sealed.length];
        System.arraycopy(sealed, 0, stored, 12, sealed.length);
        return stored;
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static SecretCipher cipher(String masterKey) {
        return new SecretCipher(new TagsProperties(null, masterKey, List.of()));
    }
}
