package dev.ecstags.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One RPC call's identity and answer format, kept on the servlet request so that an error raised anywhere is
 * answered with the same RequestId and in the format the caller chose.
 */
final class RpcExchange {

    private static final String ATTRIBUTE = RpcExchange.class.getName();

    private final String requestId = randomRequestId();
    private final String hostId;
    private ResponseFormat format = ResponseFormat.XML;

    private RpcExchange(String hostId) {
        this.hostId = hostId;
    }

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

    String requestId() {
        return requestId;
    }

    String hostId() {
        return hostId;
    }

    ResponseFormat format() {
        return format;
    }
}
