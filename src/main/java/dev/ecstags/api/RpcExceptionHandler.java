package dev.ecstags.api;

import dev.ecstags.error.ApiException;
import dev.ecstags.error.ErrorCode;
import dev.ecstags.inflight.ClientLeftException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Renders every refusal of the RPC API from the one catalog: the documented code, status and message, in the
 * caller's format, with the call's RequestId. Nothing of the fault itself (stack trace, class, SQL) is ever shown.
 */
@RestControllerAdvice(basePackageClasses = RpcController.class)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RpcExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RpcExceptionHandler.class);

    /**
     * The status a call whose client left is timed under (nginx's "client closed request"): neither a success nor an
     * error of the service. Nobody receives it.
     */
    static final int CLIENT_CLOSED_REQUEST = 499;

    /** HikariCP's message for any call on a connection it has closed. */
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private final EdgeErrors errors;

    @ExceptionHandler(ApiException.class)
    void refused(ApiException refusal, HttpServletRequest http, HttpServletResponse response) throws IOException {
        answer(http, response, refusal.errorCode(), refusal.getMessage());
    }

    /**
     * The client closed its connection while the call ran, and the call's statement was cancelled (or not started):
     * it changed nothing, nobody waits for the answer, and nothing failed here. No answer is written, the connection
     * is closed, and the call is counted as no error; its log line shows status 499. (Tomcat's access log, when on,
     * shows 500 for such a call whose body came after its head: Tomcat sets 500 on any request that ends its async
     * dispatch in an error state, a client abort included.)
     */
    @ExceptionHandler(ClientLeftException.class)
    void clientLeft(ClientLeftException left, HttpServletRequest http, HttpServletResponse response) {
        log.debug("RequestId {}: the client left while the call ran; its statement was cancelled",
                RpcExchange.of(http).requestId());
        response.setStatus(CLIENT_CLOSED_REQUEST);
        WatchedProcessor.closeWithoutAnswer();
    }

    /**
     * The database went away or took too long: a statement timed out or was cancelled, a connection could not be
     * had, or a transaction ran past its deadline ({@link TransactionTimedOutException}). Tag writes are
     * idempotent, so the caller may retry.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class,
            TransactionTimedOutException.class})
    void databaseUnavailable(Exception fault, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        var exchange = RpcExchange.of(http);
        log.warn("RequestId {}: the database is unavailable: {}", exchange.requestId(), fault.getMessage());
        answer(http, response, ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE.message());
    }

    /**
     * What the transaction manager throws when it cannot finish a transaction: over a connection that was lost
     * (its backend ended, the server restarted, the pool closed it after a fatal error), the rollback or commit
     * fails too ("Unable to rollback against JDBC Connection"). That is the database's fault, answered 503 like
     * any lost connection; any other such failure remains unexpected.
     */
    @ExceptionHandler({TransactionSystemException.class, UncategorizedDataAccessException.class})
    void transactionNotFinished(Exception fault, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        if (lostConnection(fault)) {
            databaseUnavailable(fault, http, response);
        } else {
            failed(fault, http, response);
        }
    }

    /**
     * Below the fault: a connection exception (SQLState class 08), an operator's intervention (57P: shutdown,
     * crash), or HikariCP's refusal of a connection it has closed after such an error (it carries no SQLState; the
     * original error is gone by then: the transaction manager reports only the failed rollback).
     */
    private static boolean lostConnection(Throwable fault) {
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null
                        ? CLOSED_BY_THE_POOL.equals(sql.getMessage())
                        : state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    @ExceptionHandler(Exception.class)
    void failed(Exception fault, HttpServletRequest http, HttpServletResponse response) throws IOException {
        var exchange = RpcExchange.of(http);
        if (DisconnectedClientHelper.isClientDisconnectedException(fault)) {
            // The caller left (ClientAbortException, broken pipe…): nothing failed here and nobody is listening.
            log.debug("RequestId {}: the client left before the answer: {}", exchange.requestId(), fault.toString());
            return;
        }
        log.error("RequestId {}: unexpected failure", exchange.requestId(), fault);
        answer(http, response, ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.message());
    }

    private void answer(HttpServletRequest http, HttpServletResponse response, ErrorCode error, String message)
            throws IOException {
        errors.answer(response, RpcExchange.of(http), error, message);
    }
}
