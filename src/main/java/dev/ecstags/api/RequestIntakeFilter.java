package dev.ecstags.api;

import dev.ecstags.error.ErrorCode;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Receives every request body before any handler runs, without a worker thread while it arrives: the body is read
 * with Servlet non-blocking I/O (a {@link ReadListener} called only when bytes are there), and the request is
 * dispatched to its handler once the body is whole, with the body in memory ({@link BufferedBodyRequest}). A body
 * that came whole with the request's head, as a small SDK call's does, goes straight on without that round. A body
 * that does not arrive in full within {@code tags.request.read-timeout} is answered 408 {@code RequestTimeout} and
 * its connection closed; past {@code tags.request.max-arriving} bodies arriving at once, one more is answered 503
 * {@code ServiceUnavailable} at once; one larger than {@link RpcRequest#MAX_BODY_BYTES} 413 {@code RequestBodyTooLarge},
 * without reading it; a malformed one (a bad chunk) 400 {@code MalformedRequest}. A request without a body (most SDK
 * calls, health checks) passes straight through.
 *
 * <p>Every path, not only the RPC endpoint: Tomcat swallows an unread body after the answer on the worker thread,
 * so a slow body sent to any path would otherwise hold a worker all the same.
 */
@Component
// Inside the HTTP observation filter (HIGHEST_PRECEDENCE + 1), so refusals on other paths show in http_server_requests
// (EdgeErrors counts them in ecs.tag.api.errors), and before every filter that might read the body.
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RequestIntakeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestIntakeFilter.class);
    private static final int CHUNK_BYTES = 8 * 1024;
    /** The bytes of every body being received or handled (tags.request.max-buffered-bytes bounds them). */
    private final AtomicLong bufferedBytes = new AtomicLong();
    /** The requests whose body is still arriving, or was and is being handled (tags.request.max-arriving). */
    private final AtomicInteger arriving = new AtomicInteger();

    private final RequestIntakeProperties properties;
    private final EdgeErrors errors;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("TRACE".equals(request.getMethod())) {
            // Refused here, on every path: past this filter the servlet's doTrace would echo the request's headers.
            errors.write(request, response, ErrorCode.UNSUPPORTED_HTTP_METHOD);
            return;
        }
        long declaredLength = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declaredLength <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        if (declaredLength > RpcRequest.MAX_BODY_BYTES) {
            refuseUnread(request, response, ErrorCode.REQUEST_BODY_TOO_LARGE);
            return;
        }
        byte[] arrived = chunked ? new byte[0] : alreadyArrived(request, (int) declaredLength);
        if (arrived.length > 0 && !hold(arrived.length)) {
            errors.write(request, response, ErrorCode.SERVICE_UNAVAILABLE);
            return;
        }
        var buffered = new BufferedBodyRequest(request);
        if (arrived.length == declaredLength) {
            // The whole body came with the head (a small SDK call does): no need to wait for it.
            buffered.arrived(arrived);
            try {
                chain.doFilter(buffered, response);
            } finally {
                bufferedBytes.addAndGet(-arrived.length);
            }
            return;
        }
        if (arriving.incrementAndGet() > properties.maxArriving()) {
            // Refused before the wait, so the processor (and its header buffer) goes back at once: 503 makes Tomcat
            // close the connection without reading the rest of the body.
            arriving.decrementAndGet();
            bufferedBytes.addAndGet(-arrived.length);
            log.debug("{} request bodies are arriving already: one refused with 503", properties.maxArriving());
            refuseUnread(request, response, ErrorCode.SERVICE_UNAVAILABLE);
            return;
        }
        AsyncContext async = request.startAsync(buffered, response);
        async.setTimeout(properties.readTimeout().toMillis());
        var intake = new Intake(request, response, async, buffered,
                declaredLength > 0 ? (int) declaredLength : CHUNK_BYTES, arrived);
        async.addListener(intake);
        request.getInputStream().setReadListener(intake);
    }

    /** Answers a request whose body is left unread, and closes its connection instead of reading that body. */
    private void refuseUnread(HttpServletRequest request, HttpServletResponse response, ErrorCode error)
            throws IOException {
        errors.write(request, response, error);
        WatchedProcessor.closeWithoutReadingTheBody();
    }

    /**
     * The body's bytes that are in Tomcat's buffer already, read without waiting: a read blocks only when the buffer
     * is empty, and {@code available()} says whether it is.
     */
    private static byte[] alreadyArrived(HttpServletRequest request, int declaredLength) throws IOException {
        ServletInputStream in = request.getInputStream();
        int available = in.available();
        if (available <= 0) {
            return new byte[0];
        }
        if (available >= declaredLength) {
            // The common case, a small call whose body came with its head: one array of the exact size.
            return in.readNBytes(declaredLength);
        }
        var body = new ByteArrayOutputStream(Math.min(declaredLength, CHUNK_BYTES));
        byte[] chunk = new byte[Math.min(declaredLength, CHUNK_BYTES)];
        while (body.size() < declaredLength && in.available() > 0) {
            int read = in.read(chunk, 0, Math.min(chunk.length, declaredLength - body.size()));
            if (read < 0) {
                break;
            }
            body.write(chunk, 0, read);
        }
        return body.toByteArray();
    }

    /** Counts bytes against tags.request.max-buffered-bytes; false (and nothing counted) past it. */
    private boolean hold(long bytes) {
        long limit = properties.maxBufferedBytes().toBytes();
        if (bufferedBytes.addAndGet(bytes) > limit) {
            bufferedBytes.addAndGet(-bytes);
            log.warn("Request bodies in memory passed {} bytes: one refused with 503", limit);
            return false;
        }
        return true;
    }

    /** One body on its way in; exactly one of its outcomes happens: dispatched, or refused, or given up. */
    private final class Intake implements ReadListener, AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final AsyncContext async;
        private final BufferedBodyRequest buffered;
        private final ByteArrayOutputStream body;
        private final AtomicBoolean decided = new AtomicBoolean();
        /** What this body counts against tags.request.max-buffered-bytes until the request is over. */
        private volatile long held;

        Intake(HttpServletRequest request, HttpServletResponse response, AsyncContext async,
                BufferedBodyRequest buffered, int expectedBytes, byte[] arrived) {
            this.request = request;
            this.response = response;
            this.async = async;
            this.buffered = buffered;
            // Grown as bytes arrive: a declared length alone, which costs the client nothing, reserves no memory.
            this.body = new ByteArrayOutputStream(Math.max(arrived.length, Math.min(expectedBytes, CHUNK_BYTES)));
            this.body.writeBytes(arrived);
            this.held = arrived.length;
        }

        @Override
        public void onDataAvailable() throws IOException {
            ServletInputStream in = request.getInputStream();
            byte[] chunk = new byte[CHUNK_BYTES];
            while (!decided.get() && in.isReady()) {
                int read = in.read(chunk);
                if (read < 0) {
                    return; // onAllDataRead follows
                }
                if (body.size() + read > RpcRequest.MAX_BODY_BYTES) {
                    refuse(ErrorCode.REQUEST_BODY_TOO_LARGE);
                    return;
                }
                if (!hold(read)) {
                    refuse(ErrorCode.SERVICE_UNAVAILABLE);
                    return;
                }
                held += read;
                body.write(chunk, 0, read);
            }
        }

        @Override
        public void onAllDataRead() {
            if (decided.compareAndSet(false, true)) {
                buffered.arrived(body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (failure instanceof SocketTimeoutException) {
                // Tomcat's read timeout (connection-timeout): the body fell silent before the deadline came.
                onTimeout(null);
            } else if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
                log.debug("The client left while sending its request body: {}", failure.toString());
                giveUp();
            } else {
                log.debug("Unreadable request body: {}", failure.toString());
                refuse(ErrorCode.MALFORMED_REQUEST);
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            log.debug("A request body did not arrive within {}", properties.readTimeout());
            refuse(ErrorCode.REQUEST_TIMEOUT);
        }

        @Override
        public void onError(AsyncEvent event) {
            if (decided.get()) {
                // The body was dispatched (or refused): an error now is the handler's, such as a client that left
                // while its call ran, and none of this listener's business.
                return;
            }
            onError(event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
            bufferedBytes.addAndGet(-held);
            arriving.decrementAndGet();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        /** Answers and ends the request; the status (408, 413, 400) makes Tomcat close the connection. */
        private void refuse(ErrorCode error) {
            if (!decided.compareAndSet(false, true)) {
                return;
            }
            try {
                errors.write(request, response, error);
            } catch (IOException | RuntimeException unwritable) {
                log.debug("Could not answer {}: {}", error.code(), unwritable.toString());
            } finally {
                async.complete();
            }
        }

        private void giveUp() {
            if (decided.compareAndSet(false, true)) {
                async.complete();
            }
        }
    }
}
