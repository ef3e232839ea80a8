package dev.ecstags.api;

import dev.ecstags.error.ApiException;
import dev.ecstags.error.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders every refusal of the RPC API from the one catalog: the documented code, status and message, in the
 * caller's format, with the call's RequestId. Nothing of the fault itself (stack trace, class, SQL) is ever shown.
 */
@RestControllerAdvice(basePackageClasses = RpcController.class)
class RpcExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RpcExceptionHandler.class);

    private final RpcRenderer renderer;
    private final MeterRegistry meters;

    RpcExceptionHandler(RpcRenderer renderer, MeterRegistry meters) {
        this.renderer = renderer;
        this.meters = meters;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<byte[]> refused(ApiException refusal, HttpServletRequest http) {
        return render(http, refusal.errorCode(), refusal.getMessage());
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class})
    ResponseEntity<byte[]> databaseUnavailable(Exception fault, HttpServletRequest http) {
        var exchange = RpcExchange.of(http);
        log.warn("RequestId {}: the database is unavailable: {}", exchange.requestId(), fault.getMessage());
        return render(http, ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE.message());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception fault, HttpServletRequest http) {
        var exchange = RpcExchange.of(http);
        log.error("RequestId {}: unexpected failure", exchange.requestId(), fault);
        return render(http, ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.message());
    }

    private ResponseEntity<byte[]> render(HttpServletRequest http, ErrorCode error, String message) {
        var exchange = RpcExchange.of(http);
        exchange.failedWith(error.code());
        meters.counter("ecs.tag.api.errors", "code", error.code(), "action", exchange.action()).increment();
        var body = new RpcResponses.Error(exchange.requestId(), exchange.hostId(), error.code(), message);
        return renderer.render(exchange, error.httpStatus(), "Error", body);
    }
}
