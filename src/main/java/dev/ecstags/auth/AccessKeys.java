package dev.ecstags.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's side of AccessKeys: issue, enable/disable and delete them. */
@Service
public class AccessKeys {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{1,20}");
    private static final String ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** The prefix Alibaba Cloud's own long-term AccessKeyIds carry. */
    private static final String ACCESS_KEY_ID_PREFIX = "LTAI";
    private static final int ACCESS_KEY_ID_RANDOM_LENGTH = 20;
    private static final int SECRET_LENGTH = 30;

    private final JdbcClient jdbc;
    private final SecretCipher secretCipher;
    private final SignatureNonces nonces;
    private final AccessKeyLookup lookup;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessKeys(JdbcClient jdbc, SecretCipher secretCipher, SignatureNonces nonces,
               AccessKeyLookup lookup, Clock clock) {
        this.jdbc = jdbc;
        this.secretCipher = secretCipher;
        this.nonces = nonces;
        this.lookup = lookup;
        this.clock = clock;
    }

    /**
     * Issues an active AccessKey for an account; its secret is stored encrypted and returned only here.
     *
     * @param accountId a decimal account id of 1–20 digits
     * @throws IllegalArgumentException if the account id is not one
     */
    @Transactional
    public IssuedAccessKey create(String accountId, boolean service) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("accountId must be a decimal id of 1 to 20 digits");
        }
        String accessKeyId = ACCESS_KEY_ID_PREFIX + randomAlphanumerics(ACCESS_KEY_ID_RANDOM_LENGTH);
        String secret = randomAlphanumerics(SECRET_LENGTH);
        jdbc.sql("""
                        insert into access_key (access_key_id, account_id, secret_cipher, service, status, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(accessKeyId, accountId, secretCipher.encrypt(accessKeyId, secret), service,
                        AccessKeyStatus.Active.name(), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        // An id is random, but one that was asked for before it existed would be cached as unknown.
        lookup.announceChange(accessKeyId);
        return new IssuedAccessKey(accessKeyId, secret, accountId, service, AccessKeyStatus.Active);
    }

    /**
     * Enables or disables a key; empty if there is no such key. Every instance sees the change within a second (a
     * NOTIFY sent on commit evicts the key from their caches), or within the cache's TTL if the notice is lost.
     */
    @Transactional
    public Optional<AccessKeyView> changeStatus(String accessKeyId, AccessKeyStatus status) {
        Objects.requireNonNull(status, "status");
        Optional<AccessKeyView> changed = jdbc.sql("""
                        update access_key set status = ? where access_key_id = ?
                        returning access_key_id, account_id, service, status""")
                .params(status.name(), accessKeyId)
                .query((row, rowNumber) -> new AccessKeyView(row.getString("access_key_id"),
                        row.getString("account_id"), row.getBoolean("service"),
                        AccessKeyStatus.valueOf(row.getString("status"))))
                .optional();
        changed.ifPresent(view -> lookup.announceChange(accessKeyId));
        return changed;
    }

    /** Deletes a key for good, with the nonces recorded for it; false if there is no such key. */
    @Transactional
    public boolean delete(String accessKeyId) {
        Optional<String> accountId = jdbc.sql("delete from access_key where access_key_id = ? returning account_id")
                .param(accessKeyId)
                .query(String.class)
                .optional();
        accountId.ifPresent(account -> {
            nonces.forget(account, accessKeyId);
            lookup.announceChange(accessKeyId);
        });
        return accountId.isPresent();
    }

    private String randomAlphanumerics(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHANUMERICS.charAt(random.nextInt(ALPHANUMERICS.length())));
        }
        return value.toString();
    }
}
