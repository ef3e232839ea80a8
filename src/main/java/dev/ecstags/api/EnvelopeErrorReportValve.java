package dev.ecstags.api;

import dev.ecstags.error.ErrorCode;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's own error answers (a malformed request line, headers too large, anything refused before the
 * application) in the API's envelope instead of Tomcat's HTML page: XML unless the query names JSON, the default
 * for V1 calls.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class EnvelopeErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorReportValve.class);

    private final EdgeErrors errors;

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        // As Tomcat's own report: no answer on a connection closed without one (a client that left, see
        // WatchedProcessor.closeWithoutAnswer), and none counted.
        var ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorCode error = EdgeErrors.forStatus(status);
        if (status == 400 && throwable != null && String.valueOf(throwable.getMessage()).contains("too large")) {
            // Tomcat answers a request line or headers beyond max-http-request-header-size with a plain 400.
            error = ErrorCode.REQUEST_HEADER_TOO_LARGE;
        }
        try {
            errors.write(request, response, error);
        } catch (IOException | RuntimeException unwritable) {
            log.debug("Could not answer Tomcat's {} in the API's envelope: {}", status, unwritable.toString());
        }
    }
}
