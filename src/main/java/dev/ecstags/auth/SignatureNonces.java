package dev.ecstags.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The nonces seen per AccessKey, kept in PostgreSQL so that a replay fails on every instance of the service.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SignatureNonces {

    private static final Logger log = LoggerFactory.getLogger(SignatureNonces.class);

    /** SDK nonces are 32 hex characters or a UUID; longer ones are stored as a digest to keep the index small. */
    private static final int MAX_STORED_NONCE_LENGTH = 128;

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * Records a nonce on its own, in one statement that is atomic across instances (the same CTE the actions'
     * statements start with).
     *
     * @return false if the nonce is already recorded and not yet expired
     */
    boolean useOnce(SignatureNonce nonce) {
        var parameters = new HashMap<String, Object>();
        nonce.addTo(parameters);
        return jdbc.sql("with " + SignatureNonce.RECORD_CTE + " select count(*) from nonce")
                .params(parameters)
                .query(Long.class)
                .single() == 1;
    }

    /** Forgets every nonce of a deleted AccessKey. */
    void forget(String accountId, String accessKeyId) {
        jdbc.sql("delete from signature_nonce where account_id = ? and access_key_id = ?")
                .params(accountId, accessKeyId)
                .update();
    }

    /** Removes nonces whose requests are outside the timestamp window, so they could not be replayed anyway. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void purgeExpired() {
        int purged = jdbc.sql("delete from signature_nonce where expires_at < ?")
                .param(utc(clock.instant()))
                .update();
        if (purged > 0) {
            log.debug("Purged {} expired signature nonces", purged);
        }
    }

    /** Long nonces, or ones with a NUL (which PostgreSQL text cannot hold), are kept as their SHA-256. */
    static String storedForm(String nonce) {
        if (nonce.length() <= MAX_STORED_NONCE_LENGTH && nonce.indexOf('\0') < 0) {
            return nonce;
        }
        return "sha256:" + V3Signature.sha256Hex(nonce.getBytes(StandardCharsets.UTF_8));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
