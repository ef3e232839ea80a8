package dev.ecstags.api;

import dev.ecstags.inflight.ClientConnection;
import java.io.EOFException;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.ActionCode;
import org.apache.coyote.Adapter;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 processor, which also tells whether the client of the request it serves has closed the
 * connection, for {@link dev.ecstags.inflight.InFlightCalls}, and can end that request without an answer.
 *
 * <p>How a closed connection is seen: {@link SocketWrapperBase#isReadyForRead()} fills the socket wrapper's own
 * read buffer with a non-blocking read, and throws at the end of the stream (or on a reset); bytes that are there
 * (a pipelined next request) stay in that buffer, where Tomcat reads them first when it parses the next request, so
 * nothing is taken from the connection. Tomcat's servlet-level test ({@code ActionCode.AVAILABLE} with a read)
 * would not do: it reports the end of the stream as one byte available, so a closed connection and a pipelined
 * request look alike, and its read goes into the request's input buffer at the end of the request head, over the
 * bytes of a pipelined request that came with the body.
 *
 * <p>Why it is safe from another thread: Tomcat lets one thread at a time process a connection, and the worker
 * serving a watched call does not touch the socket while the call works (the body is in memory before the call
 * starts, and the watch ends before the answer is written); the watch's lock keeps the watcher off the connection
 * from then on, and hands the worker what the watcher read.
 */
final class WatchedProcessor extends Http11Processor implements ClientConnection {

    /** The processor serving the current thread's request, while it does. */
    private static final ThreadLocal<WatchedProcessor> SERVING = new ThreadLocal<>();

    WatchedProcessor(AbstractHttp11Protocol<?> protocol, Adapter adapter) {
        super(protocol, adapter);
    }

    /** The client connection of the request the current thread serves; null outside Tomcat (MockMvc). */
    static ClientConnection serving() {
        return SERVING.get();
    }

    /**
     * Ends the current thread's request without writing anything and closes its connection, just as Tomcat does
     * when a write finds the client gone (a {@link ClientAbortException}, which Tomcat's valves and async error
     * handling take for a client that left, not for a failure): the client that left gets no answer (not an empty
     * 200 on a half-closed connection), and no error page or report is made.
     */
    static void closeWithoutAnswer() {
        WatchedProcessor processor = SERVING.get();
        if (processor != null) {
            processor.action(ActionCode.CLOSE_NOW,
                    new ClientAbortException(new EOFException("The client closed the connection during the call")));
        }
    }

    /**
     * Closes the current thread's connection once its answer is out, without reading the rest of a request body the
     * service refused unread: Tomcat would otherwise swallow that body on the worker thread after the answer, for
     * as long as a stalled client keeps it waiting.
     */
    static void closeWithoutReadingTheBody() {
        WatchedProcessor processor = SERVING.get();
        if (processor != null) {
            processor.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }

    /** Every request, its async dispatches and pipelined followers included, is served within a call of this. */
    @Override
    public SocketState process(SocketWrapperBase<?> socket, SocketEvent status) throws IOException {
        WatchedProcessor outer = SERVING.get();
        SERVING.set(this);
        try {
            return super.process(socket, status);
        } finally {
            SERVING.set(outer);
        }
    }

    @Override
    public boolean closed() {
        SocketWrapperBase<?> socket = getSocketWrapper();
        if (socket == null || socket.isClosed()) {
            return true;
        }
        try {
            socket.isReadyForRead(); // true: pipelined bytes; false: nothing yet. Either way the client is there.
            return false;
        } catch (IOException endOfStream) {
            return true;
        }
    }
}
