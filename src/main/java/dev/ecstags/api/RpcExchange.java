package dev.ecstags.api;

import dev.ecstags.auth.Caller;
import dev.ecstags.auth.SignedRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.RequiredArgsConstructor;

/**
 * One RPC call's identity and answer format, kept on the servlet request so that an error raised anywhere is
 * answered with the same RequestId and in the format the caller chose. It also gathers what the call's log line and
 * metrics say about it (action, AccessKeyId, account, region, error code), each value bounded and safe to log.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
@Getter(AccessLevel.PACKAGE)
final class RpcExchange {

    /** The action tag of a call that named no action this service answers: a bounded set of metric series. */
    static final String UNKNOWN_ACTION = "unknown";

    private static final String ATTRIBUTE = RpcExchange.class.getName();
    /** The longest AccessKeyId or region id repeated in the log. */
    private static final int MAX_LOGGED_LENGTH = 64;
    private static final Pattern V3_CREDENTIAL = Pattern.compile("Credential=([^,\\s]{1,64})");

    private final String requestId = randomRequestId();
    private final String hostId;
    private ResponseFormat format = ResponseFormat.XML;
    /** The action's name, or {@link #UNKNOWN_ACTION}. */
    private String action = UNKNOWN_ACTION;
    /** The AccessKeyId the caller named (checked only once {@link #accountId} is set), or null. */
    private String accessKeyId;
    /** The account of the AccessKey that signed the call, or null if it was not authenticated. */
    private String accountId;
    private String regionId;
    /** The API error code the call was answered with, or null for a success. */
    private String errorCode;

    /**
     * A random (version 4) UUID, upper case, as Alibaba Cloud's RequestIds are. It identifies a call in the logs and
     * guards nothing, so it comes from the thread's own generator: {@code UUID.randomUUID()} would draw from the
     * shared SecureRandom, whose lock every request thread would queue on.
     */
    private static String randomRequestId() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString().toUpperCase(Locale.ROOT);
    }

    static RpcExchange start(HttpServletRequest http) {
        var exchange = new RpcExchange(http.getServerName());
        http.setAttribute(ATTRIBUTE, exchange);
        return exchange;
    }

    /** The call's exchange, or a fresh one when the call failed before it began. */
    static RpcExchange of(HttpServletRequest http) {
        return http.getAttribute(ATTRIBUTE) instanceof RpcExchange exchange ? exchange : start(http);
    }

    void respondIn(ResponseFormat format) {
        this.format = format;
    }

    /** What the request says about itself, before anything is checked: the AccessKeyId is only claimed here. */
    void describe(SignedRequest request, String actionName) {
        this.action = actionName;
        this.regionId = loggable(request.parameters().get("RegionId"));
        String claimed = request.parameters().get("AccessKeyId");
        if (claimed == null && request.header("authorization") != null) {
            Matcher credential = V3_CREDENTIAL.matcher(request.header("authorization"));
            claimed = credential.find() ? credential.group(1) : null;
        }
        this.accessKeyId = loggable(claimed);
    }

    void authenticated(Caller caller) {
        this.accessKeyId = caller.accessKeyId();
        this.accountId = caller.accountId();
    }

    void failedWith(String errorCode) {
        this.errorCode = errorCode;
    }

    /**
     * What an AccessKeyId or a region id looks like ({@code [A-Za-z0-9._-]{1,64}}, checked without a regex on every
     * call); anything else a caller sends is not repeated in the log.
     */
    private static String loggable(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LOGGED_LENGTH) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return null;
            }
        }
        return value;
    }
}
