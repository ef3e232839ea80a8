package dev.ecstags.auth;

import dev.ecstags.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Checks who signed an RPC request (V1 HMAC-SHA1 or V3 ACS3-HMAC-SHA256), in the order of docs/contract.md §3. The
 * web layer reads the common parameters once ({@link RequestCredentials#read}), checks Version and Action itself,
 * hands the credentials to {@link #verify}, and the action records the nonce (or {@link #spendNonce} does, when a
 * rule refuses the call first).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RequestAuthenticator {

    /** How far a request's timestamp may lie from the server clock, either way. */
    static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(15);

    /** Exactly what the SDKs send (UTC, no fraction); the strict resolver refuses dates such as 02-30. */
    private static final DateTimeFormatter TIMESTAMP_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);

    private final AccessKeyLookup accessKeys;
    private final SignatureNonces nonces;
    private final Clock clock;

    /**
     * Checks, in this order, the timestamp's format, its window, that the AccessKey exists, that it is active, and
     * the signature (a V1 SignatureMethod or SignatureVersion other than HMAC-SHA1 / 1.0 is refused there, as
     * IncompleteSignature, after the key checks). The nonce is left for the action's own statement to record in the
     * same round trip (or for {@link #spendNonce} when the request is refused before that statement).
     *
     * @param credentials the request's common parameters, as {@link RequestCredentials#read} read them
     */
    public Authenticated verify(SignedRequest request, RequestCredentials credentials) {
        Instant signedAt = parseTimestamp(credentials.timestamp());
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(TIMESTAMP_WINDOW) > 0) {
            throw ErrorCode.INVALID_TIMESTAMP_EXPIRED.exception();
        }
        CachedAccessKey accessKey = accessKeys.find(credentials.accessKeyId())
                .orElseThrow(ErrorCode.ACCESS_KEY_NOT_FOUND::exception);
        if (accessKey.status() != AccessKeyStatus.Active) {
            throw ErrorCode.ACCESS_KEY_INACTIVE.exception();
        }
        credentials.verifySignature(request, accessKey.secret());
        // Until then a replay of this request is refused by the timestamp window instead.
        Instant replayableUntil = signedAt.plus(TIMESTAMP_WINDOW);
        Caller caller = accessKey.caller();
        return new Authenticated(caller, new SignatureNonce(caller.accountId(), caller.accessKeyId(),
                credentials.nonce(), replayableUntil, now));
    }

    /**
     * Records a nonce on its own, unless a statement already did: a request refused by a parameter rule still uses
     * up its nonce, and a reused nonce is answered SignatureNonceUsed before any such rule.
     */
    public void spendNonce(SignatureNonce nonce) {
        if (nonce.isSettled()) {
            return;
        }
        nonce.settle(nonces.useOnce(nonce));
    }

    private static Instant parseTimestamp(String timestamp) {
        try {
            return LocalDateTime.parse(timestamp, TIMESTAMP_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ErrorCode.INVALID_TIMESTAMP_FORMAT.exception();
        }
    }
}
