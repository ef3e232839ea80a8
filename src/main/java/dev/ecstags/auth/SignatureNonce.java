package dev.ecstags.auth;

import dev.ecstags.error.ErrorCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import lombok.AccessLevel;
import lombok.Getter;

/**
 * The nonce of an authenticated request, not yet recorded: the action's own statement records it (one round trip for
 * both), or, when a parameter rule refuses the request first, {@link RequestAuthenticator#spendNonce} does on its own.
 * Either way it is recorded once per request; whoever records it marks it settled.
 */
@Getter(AccessLevel.PACKAGE)
public final class SignatureNonce {

    /**
     * A CTE ({@code nonce}) that records the nonce and returns one row if it was new; a statement that starts with it
     * changes nothing else unless {@code exists (select 1 from nonce)}. A row left over from an expired use that the
     * purge has not removed yet is taken over. Its parameters are {@link #addTo added} under these names.
     */
    public static final String RECORD_CTE = """
            nonce as (
                insert into signature_nonce (account_id, access_key_id, nonce, expires_at)
                values (:nonceAccount, :nonceAccessKey, :nonceValue, :nonceExpiresAt)
                on conflict (account_id, access_key_id, nonce)
                do update set expires_at = excluded.expires_at
                 where signature_nonce.expires_at < :nonceNow
                returning 1)""";

    private final String accountId;
    private final String accessKeyId;
    private final String storedValue;
    private final OffsetDateTime expiresAt;
    private final OffsetDateTime now;
    @Getter(AccessLevel.NONE)
    private boolean settled;

    /**
     * @param expiresAt until when a replay would still be inside the timestamp window
     * @param now       the server's clock when the request was checked
     */
    public SignatureNonce(String accountId, String accessKeyId, String nonce, Instant expiresAt, Instant now) {
        this.accountId = accountId;
        this.accessKeyId = accessKeyId;
        this.storedValue = SignatureNonces.storedForm(nonce);
        this.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
        this.now = now.atOffset(ZoneOffset.UTC);
    }

    /** Adds the parameters of {@link #RECORD_CTE} to a statement's named parameters. */
    public void addTo(Map<String, Object> parameters) {
        parameters.put("nonceAccount", accountId);
        parameters.put("nonceAccessKey", accessKeyId);
        parameters.put("nonceValue", storedValue);
        parameters.put("nonceExpiresAt", expiresAt);
        parameters.put("nonceNow", now);
    }

    /**
     * A statement that began with {@link #RECORD_CTE} ran (or the nonce was recorded on its own): a nonce it found
     * used refuses the request with SignatureNonceUsed, before anything else the statement found.
     *
     * @param fresh whether the nonce was new
     */
    public void settle(boolean fresh) {
        settled = true;
        if (!fresh) {
            throw ErrorCode.SIGNATURE_NONCE_USED.exception();
        }
    }

    boolean isSettled() {
        return settled;
    }

    @Override
    public String toString() {
        return "SignatureNonce[" + accessKeyId + "]";
    }
}
