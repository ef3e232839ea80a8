package dev.ecstags;

import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own settings (environment: TAGS_ADMIN_TOKEN, TAGS_MASTER_KEY, TAGS_REGIONS).
 *
 * @param admin     the admin API's bearer token; blank refuses every admin call
 * @param masterKey base64 of 32 bytes; encrypts AccessKey secrets and signs ListTagResources page tokens
 * @param regions   the region ids callers may name
 */
@ConfigurationProperties("tags")
public record TagsProperties(Admin admin, String masterKey, List<String> regions) {

    public TagsProperties {
        admin = admin == null ? new Admin(null) : admin;
        regions = regions == null ? List.of() : regions.stream().map(String::trim).filter(r -> !r.isEmpty()).toList();
        masterKeyBytes(masterKey); // fail at startup, not on the first request
    }

    public record Admin(String token) {
        public boolean configured() {
            return token != null && !token.isBlank();
        }
    }

    public byte[] masterKeyBytes() {
        return masterKeyBytes(masterKey);
    }

    private static byte[] masterKeyBytes(String masterKey) {
        if (masterKey == null || masterKey.isBlank()) {
            throw new IllegalStateException("TAGS_MASTER_KEY is not set: give it the base64 of 32 random bytes "
                    + "(for example: openssl rand -base64 32)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(masterKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TAGS_MASTER_KEY is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("TAGS_MASTER_KEY must be the base64 of exactly 32 bytes, not " + key.length);
        }
        return key;
    }
}
