package dev.ecstags.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-request read of an AccessKey: one indexed select, no entity loading. */
@Repository
class AccessKeyLookup {

    /** Longer than any stored id (the column is varchar(64)); such ids cannot exist and are not looked up. */
    private static final int MAX_ACCESS_KEY_ID_LENGTH = 64;

    private final JdbcClient jdbc;

    AccessKeyLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredAccessKey> find(String accessKeyId) {
        if (!couldExist(accessKeyId)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select access_key_id, account_id, secret_cipher, service, status
                          from access_key
                         where access_key_id = ?""")
                .param(accessKeyId)
                .query((row, rowNumber) -> new StoredAccessKey(row.getString("access_key_id"),
                        row.getString("account_id"), row.getBytes("secret_cipher"), row.getBoolean("service"),
                        AccessKeyStatus.valueOf(row.getString("status"))))
                .optional();
    }

    /** Ids are printable ASCII; anything else (a NUL PostgreSQL would refuse, say) is simply not found. */
    private static boolean couldExist(String accessKeyId) {
        return accessKeyId.length() <= MAX_ACCESS_KEY_ID_LENGTH
                && accessKeyId.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
