package dev.ecstags.auth;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's side of AccessKeys: issue, enable/disable and delete them. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccessKeys {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{1,20}");
    private static final String ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** The prefix Alibaba Cloud's own long-term AccessKeyIds carry. */
    private static final String ACCESS_KEY_ID_PREFIX = "LTAI";
    private static final int ACCESS_KEY_ID_RANDOM_LENGTH = 20;
    private static final int SECRET_LENGTH = 30;
    private static final int RESEAL_BATCH = 500;

    private final JdbcClient jdbc;
    private final SecretCipher secretCipher;
    private final SignatureNonces nonces;
    private final AccessKeyLookup lookup;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

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
        return insert(accountId, service, ACCESS_KEY_ID_PREFIX + randomAlphanumerics(ACCESS_KEY_ID_RANDOM_LENGTH),
                randomAlphanumerics(SECRET_LENGTH));
    }

    /**
     * Issues an active AccessKey with the given credentials rather than random ones: the demo's fixed key, so that a
     * client's configuration survives a restart of its throw-away database.
     *
     * @throws IllegalArgumentException if the account id, the id (8 to 64 letters and digits) or the secret (16 to
     *                                  128 letters and digits) is not one
     */
    @Transactional
    public IssuedAccessKey create(String accountId, boolean service, String accessKeyId, String secret) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("accountId must be a decimal id of 1 to 20 digits");
        }
        if (accessKeyId == null || !accessKeyId.matches("[A-Za-z0-9]{8,64}")
                || secret == null || !secret.matches("[A-Za-z0-9]{16,128}")) {
            throw new IllegalArgumentException("an AccessKeyId is 8 to 64 letters and digits, its secret 16 to 128");
        }
        return insert(accountId, service, accessKeyId, secret);
    }

    private IssuedAccessKey insert(String accountId, boolean service, String accessKeyId, String secret) {
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
                .query(AccessKeys::view)
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

    /** A key as operators see it, without its secret; empty if there is no such key. */
    public Optional<AccessKeyView> find(String accessKeyId) {
        return jdbc.sql("select access_key_id, account_id, service, status from access_key where access_key_id = ?")
                .param(accessKeyId)
                .query(AccessKeys::view)
                .optional();
    }

    /**
     * One page of an account's keys, without their secrets, in id order (keyset paging: stable while keys come and
     * go).
     *
     * @param afterAccessKeyId the last id of the previous page, or null for the first page
     */
    public List<AccessKeyView> list(String accountId, String afterAccessKeyId, int limit) {
        return jdbc.sql("""
                select access_key_id, account_id, service, status from access_key
                 where account_id = ? and access_key_id > ?
                 order by access_key_id limit ?""")
                .params(accountId, afterAccessKeyId == null ? "" : afterAccessKeyId, limit)
                .query(AccessKeys::view)
                .list();
    }

    /**
     * Seals every stored secret again under the current master key, a batch at a time, each row in its own
     * statement: after a rotation, once this has run, the previous master keys can be dropped from the settings.
     * Safe to run again, and beside running instances (a row changed meanwhile is left as it is).
     */
    public ResealOutcome resealSecrets() {
        int resealed = 0;
        int alreadyCurrent = 0;
        List<String> unreadable = new ArrayList<>();
        String after = "";
        List<Sealed> batch;
        do {
            batch = sealedAfter(after, RESEAL_BATCH);
            for (Sealed sealed : batch) {
                if (secretCipher.sealedUnderCurrentKey(sealed.secretCipher())) {
                    alreadyCurrent++;
                    continue;
                }
                try {
                    String secret = secretCipher.decrypt(sealed.accessKeyId(), sealed.secretCipher());
                    if (replace(sealed, secretCipher.encrypt(sealed.accessKeyId(), secret))) {
                        resealed++;
                    }
                } catch (IllegalStateException noKeyOpensIt) {
                    unreadable.add(sealed.accessKeyId());
                }
            }
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).accessKeyId();
        } while (batch.size() == RESEAL_BATCH);
        return new ResealOutcome(secretCipher.currentKeyId(), resealed, alreadyCurrent, unreadable);
    }

    /** A stored secret as it is sealed, for {@link #resealSecrets}. */
    private record Sealed(String accountId, String accessKeyId, byte[] secretCipher) {
    }

    /** Every key after the given id, in id order, a batch at a time ("" for the first batch). */
    private List<Sealed> sealedAfter(String accessKeyId, int limit) {
        return jdbc.sql("""
                select account_id, access_key_id, secret_cipher
                  from access_key
                 where access_key_id > ?
                 order by access_key_id
                 limit ?""")
                .params(accessKeyId, limit)
                .query((row, n) -> new Sealed(row.getString("account_id"), row.getString("access_key_id"),
                        row.getBytes("secret_cipher")))
                .list();
    }

    /** Replaces a sealed secret unless it changed meanwhile (then another re-seal did it already). */
    private boolean replace(Sealed sealed, byte[] resealed) {
        return jdbc.sql("""
                update access_key set secret_cipher = ?
                 where account_id = ? and access_key_id = ? and secret_cipher = ?""")
                .params(resealed, sealed.accountId(), sealed.accessKeyId(), sealed.secretCipher())
                .update() == 1;
    }

    private static AccessKeyView view(ResultSet row, int rowNumber) throws SQLException {
        return new AccessKeyView(row.getString("access_key_id"), row.getString("account_id"),
                row.getBoolean("service"), AccessKeyStatus.valueOf(row.getString("status")));
    }

    private String randomAlphanumerics(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHANUMERICS.charAt(random.nextInt(ALPHANUMERICS.length())));
        }
        return value.toString();
    }
}
