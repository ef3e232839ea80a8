package dev.ecstags.inflight;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The calls in flight on this instance, each watched for its client while it works: once the client of a call that
 * has run for {@code tags.request.client-leave-check-interval} has closed its connection, the statement the call is
 * running is cancelled and the call starts no other ({@link ClientLeftException}). Without this, a client that hangs
 * up would leave its statement running, or waiting for a lock, until statement_timeout ended it: the worker thread
 * blocked in JDBC does not read its socket, and Tomcat does not watch a socket while a worker handles its request.
 *
 * <p>Near free for the calls that end quickly, which are nearly all: each worker thread has one slot, which every
 * call it serves reuses (nothing is allocated per call), and one thread of this class looks at the slots once an
 * interval; a call younger than the interval is passed over on two volatile reads, and only the older ones have
 * their connection looked at ({@link ClientConnection#closed()}).
 *
 * <p>Exact: a slot holds the driver's statement its call last started, and the watcher only ever cancels that one,
 * with pgjdbc's {@code Statement.cancel()}: that sends PostgreSQL a cancel request only while the statement runs,
 * and the statement's execution does not return until the request has been delivered. So a cancel can neither
 * outlive the call's statement nor reach its connection once it is back in the pool serving another call, and a
 * statement that has ended, however stale the reference, is not cancelled at all.
 */
@Component
public class InFlightCalls implements SmartLifecycle {

    /** A call that is not watched: no connection to look at (MockMvc), or the checks are off. */
    public static final Watch NOT_WATCHED = () -> {
    };

    /** PostgreSQL's query_canceled, which a cancel request (and statement_timeout) raises. */
    static final String QUERY_CANCELED = "57014";

    private static final Logger log = LoggerFactory.getLogger(InFlightCalls.class);

    private final long intervalNanos;
    /** The current thread's slot, made once per thread. */
    private final ThreadLocal<Slot> ownSlot = new ThreadLocal<>();
    /** Every thread's slot; the slots of threads that have ended (Tomcat lets idle workers go) are dropped. */
    private final ConcurrentMap<Thread, Slot> slots = new ConcurrentHashMap<>();
    private volatile Thread watcher;
    private volatile boolean running;

    InFlightCalls(ClientLeaveProperties properties) {
        this.intervalNanos = properties.clientLeaveCheckInterval().toNanos();
    }

    /** A call being watched; closing it ends the watch. */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {

        @Override
        void close();
    }

    /**
     * Watches the current thread's call until the watch is closed, which must happen before the call writes its
     * answer (the watcher may be reading from the connection until then).
     *
     * @param client the call's connection; null watches nothing
     */
    public Watch watch(ClientConnection client) {
        if (client == null || intervalNanos == 0) {
            return NOT_WATCHED;
        }
        Slot slot = ownSlot.get();
        if (slot == null) {
            slot = new Slot(Thread.currentThread());
            ownSlot.set(slot);
            slots.put(slot.thread, slot);
        }
        slot.open(client);
        return slot;
    }

    /**
     * Called as the current thread starts a statement: a watched call's statement becomes the one a cancel would
     * reach, unless the call's client has left already, in which case it is not started.
     */
    void starting(Statement statement) throws SQLException {
        Slot slot = ownSlot.get();
        if (slot == null || !slot.watching()) {
            return;
        }
        // The driver's own statement: its cancel() is the exact one described above, and a cancel that fails (the
        // database unreachable) then cannot make the pool's proxy take the connection for broken from the watcher's
        // thread while the call still uses it.
        slot.statement = statement.isWrapperFor(PGStatement.class)
                ? (Statement) statement.unwrap(PGStatement.class)
                : null;
        // Read after the statement is published, as the watcher publishes clientLeft before it reads the statement:
        // one of the two sees the other, so a statement that starts as the client is found gone is cancelled or
        // not started.
        if (slot.clientLeft) {
            throw new SQLException("The client left: the statement is not started", QUERY_CANCELED);
        }
    }

    /** Whether the current thread's call is watched and its client has left. */
    boolean clientLeft() {
        Slot slot = ownSlot.get();
        return slot != null && slot.watching() && slot.clientLeft;
    }

    /** One look at every slot: cancels the statement of each call old enough whose client has left. */
    void check() {
        long now = System.nanoTime();
        for (Slot slot : slots.values()) {
            if (!slot.thread.isAlive()) {
                slots.remove(slot.thread, slot);
                continue;
            }
            try {
                Statement abandoned = slot.abandonedStatement(now, intervalNanos);
                if (abandoned != null) {
                    abandoned.cancel();
                }
            } catch (SQLException | RuntimeException failure) {
                log.debug("Could not cancel the statement of a call whose client left: {}", failure.toString());
            }
        }
    }

    @Override
    public void start() {
        if (intervalNanos == 0) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::checkEveryInterval, "client-leave-watch");
        thread.setDaemon(true);
        watcher = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = watcher;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before the web server and stopped after it, so calls still finishing at shutdown stay watched. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
    }

    /**
     * On a thread of its own rather than an {@code @Scheduled} method: the application's scheduler has one thread,
     * which the tag-history retention holds for up to 10 s a run, and a check that waits that long is no check.
     */
    private void checkEveryInterval() {
        while (running) {
            try {
                TimeUnit.NANOSECONDS.sleep(intervalNanos);
            } catch (InterruptedException interrupted) {
                return;
            }
            check();
        }
    }

    /** One worker thread's watched call, reused by every call the thread serves. */
    @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
    private static final class Slot implements Watch {

        private final Thread thread;
        /** The watched call's connection; null while no call is watched. */
        private volatile ClientConnection client;
        /** Counts the calls watched here, so that the watcher never takes one for the next. */
        private volatile long call;
        /** System.nanoTime() when the call was first watched. */
        private volatile long since;
        /** The driver's statement the call last started (or null). */
        private volatile Statement statement;
        private volatile boolean clientLeft;

        /** Only the slot's own thread writes call, since, statement and clientLeft while a call is open. */
        void open(ClientConnection connection) {
            call++;
            since = System.nanoTime();
            statement = null;
            clientLeft = false;
            client = connection; // last: the watcher reads it first, then the rest as written for this call
        }

        boolean watching() {
            return client != null;
        }

        /**
         * Under the slot's lock, which the watcher holds while it looks at the connection: once this returns, the
         * connection is the call's own again, to write its answer on or for Tomcat to read the next request from.
         */
        @Override
        public void close() {
            synchronized (this) {
                client = null;
                statement = null;
            }
        }

        /**
         * The statement to cancel: that of a call watched for at least {@code after} nanoseconds whose client has
         * left (found so now or before); null while the client is there. The connection is looked at under the
         * slot's lock, so only while the call is still watched.
         */
        Statement abandonedStatement(long now, long after) {
            ClientConnection watched = client;
            long watchedCall = call;
            if (watched == null || now - since < after) {
                return null;
            }
            synchronized (this) {
                if (client != watched || call != watchedCall) {
                    return null;
                }
                if (!clientLeft) {
                    if (!watched.closed()) {
                        return null;
                    }
                    clientLeft = true;
                }
                return statement;
            }
        }
    }
}
