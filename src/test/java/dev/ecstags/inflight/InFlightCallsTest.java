package dev.ecstags.inflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

/**
 * The bookkeeping of InFlightCalls, without a server or a database: which calls are looked at, what is cancelled,
 * and when. (ClientLeavesTest has the whole thing against Tomcat and PostgreSQL.)
 */
class InFlightCallsTest {

    @Test
    void aCallYoungerThanTheIntervalIsNotLookedAt() throws Exception {
        var calls = checkingEvery(Duration.ofSeconds(10));
        var call = new Call(new FakeClient(true));

        try (var watch = call.startOn(calls)) {
            calls.check();
        }

        assertThat(call.client.looks).hasValue(0);
        assertThat(call.statement.cancels).hasValue(0);
    }

    @Test
    void theStatementOfACallWhoseClientLeftIsCancelledAndNoOtherStarts() throws Exception {
        var calls = checkingEvery(Duration.ofMillis(1));
        var call = new Call(new FakeClient(true));

        try (var watch = call.startOn(calls)) {
            Thread.sleep(5);
            calls.check();

            assertThat(call.statement.cancels).hasValue(1);
            assertThat(calls.clientLeft()).isTrue();
            assertThatThrownBy(() -> calls.starting(new FakeStatement().proxy))
                    .isInstanceOfSatisfying(SQLException.class,
                            refused -> assertThat(refused.getSQLState()).isEqualTo("57014"));
        }
    }

    @Test
    void aCallWhoseClientStaysIsLookedAtButNotCancelled() throws Exception {
        var calls = checkingEvery(Duration.ofMillis(1));
        var call = new Call(new FakeClient(false));

        try (var watch = call.startOn(calls)) {
            Thread.sleep(5);
            calls.check();
            calls.check();

            assertThat(calls.clientLeft()).isFalse();
        }

        assertThat(call.client.looks).hasValue(2);
        assertThat(call.statement.cancels).hasValue(0);
    }

    /** A closed watch is not looked at, and the thread's next call starts afresh. */
    @Test
    void aCallIsLookedAtOnlyWhileItIsWatched() throws Exception {
        var calls = checkingEvery(Duration.ofMillis(1));
        var left = new Call(new FakeClient(true));
        left.startOn(calls).close();
        Thread.sleep(5);

        calls.check();

        assertThat(left.client.looks).hasValue(0);
        assertThat(left.statement.cancels).hasValue(0);
        try (var watch = new Call(new FakeClient(false)).startOn(calls)) {
            assertThat(calls.clientLeft()).isFalse();
        }
    }

    @Test
    void zeroTurnsTheChecksOff() throws Exception {
        var calls = checkingEvery(Duration.ZERO);

        try (var watch = calls.watch(new FakeClient(true))) {
            assertThat(watch).isSameAs(InFlightCalls.NOT_WATCHED);
            calls.starting(new FakeStatement().proxy);
            assertThat(calls.clientLeft()).isFalse();
        }
        calls.start();
        assertThat(calls.isRunning()).isFalse();
    }

    private static InFlightCalls checkingEvery(Duration interval) {
        return new InFlightCalls(new ClientLeaveProperties(interval));
    }

    /** A call on the test's thread: its client, and the statement it runs. */
    private record Call(FakeClient client, FakeStatement statement) {

        Call(FakeClient client) {
            this(client, new FakeStatement());
        }

        /** Starts the call's statement under a watch, as a worker thread does; closing the watch ends the call. */
        InFlightCalls.Watch startOn(InFlightCalls calls) throws SQLException {
            var watch = calls.watch(client);
            calls.starting(statement.proxy);
            return watch;
        }
    }

    private static final class FakeClient implements ClientConnection {

        private final boolean closed;
        private final AtomicInteger looks = new AtomicInteger();

        FakeClient(boolean closed) {
            this.closed = closed;
        }

        @Override
        public boolean closed() {
            looks.incrementAndGet();
            return closed;
        }
    }

    /** A pgjdbc statement as the pool hands it out, counting its cancels. */
    private static final class FakeStatement {

        private final AtomicInteger cancels = new AtomicInteger();
        private final Statement proxy = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Statement.class, PGStatement.class}, (self, method, arguments) -> switch (method
                        .getName()) {
                    case "isWrapperFor" -> ((Class<?>) arguments[0]).isInstance(self);
                    case "unwrap" -> self;
                    case "cancel" -> {
                        cancels.incrementAndGet();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
