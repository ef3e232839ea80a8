package dev.ecstags.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The per-request read of an AccessKey, from a cache of this instance: a request costs no database round trip for its
 * key. An entry lives {@code tags.access-key-cache-ttl} at most (TAGS_ACCESS_KEY_CACHE_TTL, 5 s); an admin change is
 * announced by {@code NOTIFY} and evicted at once by {@link AccessKeyChangeListener}, so the TTL only bounds how long
 * a lost notification can leave a disabled key usable. Unknown ids are cached too, more briefly, so repeating a
 * made-up id does not reach the database each time; the cache is bounded, and its frequency-based admission keeps a
 * flood of one-off ids from pushing the keys in use out.
 */
@Repository
class AccessKeyLookup {

    /** The channel admin changes are announced on; the payload is the AccessKeyId. */
    static final String CHANGES_CHANNEL = "access_key_changed";

    /** Longer than any stored id (the column is varchar(64)); such ids cannot exist and are not looked up. */
    private static final int MAX_ACCESS_KEY_ID_LENGTH = 64;
    private static final int MAX_CACHED_IDS = 10_000;
    private static final Duration MAX_UNKNOWN_ID_TTL = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final SecretCipher secretCipher;
    private final LoadingCache<String, Optional<CachedAccessKey>> cache;

    AccessKeyLookup(JdbcClient jdbc, SecretCipher secretCipher,
            @Value("${tags.access-key-cache-ttl:5s}") Duration ttl) {
        this.jdbc = jdbc;
        this.secretCipher = secretCipher;
        Duration unknownTtl = ttl.compareTo(MAX_UNKNOWN_ID_TTL) < 0 ? ttl : MAX_UNKNOWN_ID_TTL;
        this.cache = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED_IDS)
                .expireAfter(Expiry
                        .creating((String id, Optional<CachedAccessKey> key) -> key.isPresent() ? ttl : unknownTtl))
                .build(this::load);
    }

    Optional<CachedAccessKey> find(String accessKeyId) {
        if (!couldExist(accessKeyId)) {
            return Optional.empty();
        }
        return cache.get(accessKeyId);
    }

    /** Forgets one key (it changed); a load of it in flight when this runs is not kept. */
    void evict(String accessKeyId) {
        cache.invalidate(accessKeyId);
    }

    /**
     * Tells every instance, this one included, that a key changed: a {@code NOTIFY} in the caller's transaction,
     * delivered when it commits (and not at all if it rolls back). This instance also evicts the key itself right
     * after the commit, so its own next request never sees the old state.
     */
    void announceChange(String accessKeyId) {
        jdbc.sql("select pg_notify(?, ?)")
                .params(CHANGES_CHANNEL, accessKeyId)
                .query((row, rowNumber) -> 1)
                .single();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evict(accessKeyId);
                }
            });
        } else {
            evict(accessKeyId);
        }
    }

    /** Forgets every key: changes may have been missed. */
    void evictAll() {
        cache.invalidateAll();
    }

    private Optional<CachedAccessKey> load(String accessKeyId) {
        return jdbc.sql("""
                select access_key_id, account_id, secret_cipher, service, status
                  from access_key
                 where access_key_id = ?""")
                .param(accessKeyId)
                .query((row, rowNumber) -> new CachedAccessKey(
                        new Caller(row.getString("access_key_id"), row.getString("account_id"),
                                row.getBoolean("service")),
                        AccessKeyStatus.valueOf(row.getString("status")),
                        secretCipher.decrypt(row.getString("access_key_id"), row.getBytes("secret_cipher"))))
                .optional();
    }

    /** Ids are printable ASCII; anything else (a NUL PostgreSQL would refuse, say) is simply not found. */
    private static boolean couldExist(String accessKeyId) {
        return accessKeyId.length() <= MAX_ACCESS_KEY_ID_LENGTH
                && accessKeyId.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

}
