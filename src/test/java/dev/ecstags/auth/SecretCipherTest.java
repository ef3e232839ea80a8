package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.ecstags.TagsProperties;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final SecretCipher cipher = cipher(MASTER_KEY);

    @Test
    void storedFormIsIvThenCiphertextAndTag() {
        byte[] stored = cipher.encrypt("LTAIkey", "a-thirty-character-secret-val1");

        assertThat(stored).hasSize(12 + 30 + 16);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("a-thirty-character-secret");
        assertThat(cipher.decrypt("LTAIkey", stored)).isEqualTo("a-thirty-character-secret-val1");
    }

    @Test
    void everyEncryptionUsesAFreshIv() {
        byte[] first = cipher.encrypt("LTAIkey", "secret");
        byte[] second = cipher.encrypt("LTAIkey", "secret");

        assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
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

    private static SecretCipher cipher(String masterKey) {
        return new SecretCipher(new TagsProperties(null, masterKey, List.of()));
    }
}
