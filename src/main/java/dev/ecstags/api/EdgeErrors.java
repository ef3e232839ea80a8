package dev.ecstags.api;

import dev.ecstags.error.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The API's error envelope for refusals decided outside the RPC controller: at the edge (a body too large, late or
 * malformed), on the error page ({@code /error}: unknown paths, odd methods) and for Tomcat's own errors. Same
 * codes, same metric, same RequestId header and body as every other refusal.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class EdgeErrors {

    private final RpcRenderer renderer;
    private final MeterRegistry meters;

    /** The refusal for an HTTP status that Tomcat or Spring chose before the API saw the request. */
    static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            // Every path but "/" is unknown: the API's own answer for a call it does not know ("check your url").
            case 404 -> ErrorCode.INVALID_ACTION;
            case 405, 501 -> ErrorCode.UNSUPPORTED_HTTP_METHOD;
            case 408 -> ErrorCode.REQUEST_TIMEOUT;
            case 413 -> ErrorCode.REQUEST_BODY_TOO_LARGE;
            case 414, 431 -> ErrorCode.REQUEST_HEADER_TOO_LARGE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    /**
     * Answers a request the API has not read (its format taken from the request's head), in or outside MVC; a
     * response already sent is left alone (Tomcat dispatches /error for a request the intake answered 408 on its
     * async timeout: the client has its answer, and the connection is closing).
     */
    void write(HttpServletRequest request, HttpServletResponse response, ErrorCode error) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        var exchange = RpcExchange.of(request);
        exchange.respondIn(ResponseFormat.atTheEdge(request));
        response.resetBuffer();
        answer(response, exchange, error, error.message());
        response.flushBuffer();
    }

    /** Every refusal of the API, wherever decided: counted by action and code, in the exchange's format. */
    void answer(HttpServletResponse response, RpcExchange exchange, ErrorCode error, String message)
            throws IOException {
        exchange.failedWith(error.code());
        meters.counter("ecs.tag.api.errors", "code", error.code(), "action", exchange.action()).increment();
        var body = new RpcResponses.Error(exchange.requestId(), exchange.hostId(), error.code(), message);
        renderer.write(response, exchange, error.httpStatus(), "Error", body);
    }

}
