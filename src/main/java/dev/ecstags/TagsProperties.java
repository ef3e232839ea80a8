package dev.ecstags;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * The service's own settings (environment: TAGS_ADMIN_TOKEN, TAGS_MASTER_KEY, TAGS_PREVIOUS_MASTER_KEYS,
 * TAGS_REGIONS, TAGS_DB_POOL_SIZE). They are validated when the service starts, before Flyway touches the database
 * ({@link SettingsFirst}); every message names the environment variable to fix.
 *
 * @param admin              the admin API's bearer tokens; blank refuses every admin call
 * @param masterKey          base64 of 32 bytes; encrypts AccessKey secrets and signs ListTagResources page tokens
 * @param regions            the region ids callers may name
 * @param dbPoolSize         the most database connections one instance holds (the Hikari pool's size)
 * @param previousMasterKeys master keys replaced by {@code masterKey}: secrets sealed under them still open
 */
@ConfigurationProperties("tags")
@Validated
public record TagsProperties(
        @Valid Admin admin,
        @NotBlank(message = MASTER_KEY_UNSET) String masterKey,
        @NotEmpty(message = NO_REGIONS) List<@Pattern(regexp = REGION_ID, message = NOT_A_REGION) String> regions,
        @Pattern(regexp = POOL_SIZE, message = NOT_A_POOL_SIZE) String dbPoolSize,
        List<String> previousMasterKeys) {

    private static final String MASTER_KEY_UNSET = "TAGS_MASTER_KEY is not set: give it the base64 of 32 random bytes "
            + "(for example: openssl rand -base64 32)";
    private static final String NO_REGIONS = "TAGS_REGIONS names no region: give comma-separated region ids, such as "
            + "cn-hangzhou,cn-beijing";
    private static final String REGION_ID = "[a-z0-9-]{1,64}";
    private static final String NOT_A_REGION = "TAGS_REGIONS holds \"${validatedValue}\", which is no region id "
            + "(lower-case letters, digits and hyphens)";
    private static final String POOL_SIZE = "[1-9][0-9]{0,2}";
    private static final String NOT_A_POOL_SIZE = "TAGS_DB_POOL_SIZE must be a whole number from 1 to 999";

    private static final int MASTER_KEY_BYTES = 32;

    @ConstructorBinding
    public TagsProperties {
        admin = admin == null ? new Admin(null) : admin;
        regions = trimmed(regions);
        previousMasterKeys = trimmed(previousMasterKeys);
    }

    public TagsProperties(Admin admin, String masterKey, List<String> regions) {
        this(admin, masterKey, regions, null, List.of());
    }

    /** @param token one token, or several separated by commas, so that a new one can be rolled out before the old one goes */
    public record Admin(
            String token) {

        public boolean configured() {
            return !tokens().isEmpty();
        }

        /** Every accepted token, trimmed. */
        public List<String> tokens() {
            return token == null ? List.of() : trimmed(Arrays.asList(token.split(",")));
        }
    }

    @AssertTrue(message = "TAGS_MASTER_KEY must be the base64 of exactly 32 bytes (openssl rand -base64 32)")
    public boolean isMasterKeyWellFormed() {
        return masterKey == null || masterKey.isBlank() || decode(masterKey) != null;
    }

    @AssertTrue(message = "TAGS_PREVIOUS_MASTER_KEYS must hold comma-separated base64 keys of exactly 32 bytes each")
    public boolean isPreviousMasterKeysWellFormed() {
        return previousMasterKeys.stream().allMatch(key -> decode(key) != null);
    }

    public byte[] masterKeyBytes() {
        if (masterKey == null || masterKey.isBlank()) {
            throw new IllegalStateException("TAGS_MASTER_KEY is not set: give it the base64 of 32 random bytes "
                    + "(for example: openssl rand -base64 32)");
        }
        byte[] key = decode(masterKey);
        if (key == null) {
            throw new IllegalStateException("TAGS_MASTER_KEY must be the base64 of exactly 32 bytes");
        }
        return key;
    }

    /** The keys of {@code TAGS_PREVIOUS_MASTER_KEYS}, in the order given. */
    public List<byte[]> previousMasterKeyBytes() {
        return previousMasterKeys.stream().map(key -> {
            byte[] bytes = decode(key);
            if (bytes == null) {
                throw new IllegalStateException("TAGS_PREVIOUS_MASTER_KEYS must hold base64 keys of 32 bytes each");
            }
            return bytes;
        }).toList();
    }

    private static byte[] decode(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            return key.length == MASTER_KEY_BYTES ? key : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static List<String> trimmed(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(value -> value != null)
                        .map(String::trim)
                        .filter(value -> !value.isEmpty())
                        .toList();
    }
}
