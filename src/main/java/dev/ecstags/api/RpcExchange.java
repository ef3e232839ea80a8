package dev.ecstags.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;

/**
 * One RPC call's identity and answer format, kept on the servlet request so that an error raised anywhere is
 * answered with the same RequestId and in the format the caller chose.
 */
final class RpcExchange {

    private static final String ATTRIBUTE = RpcExchange.class.getName();

    private final String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    private final String hostId;
    private ResponseFormat format = ResponseFormat.XML;

    private RpcExchange(String hostId) {
        this.hostId = hostId;
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
