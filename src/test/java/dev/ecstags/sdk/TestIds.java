package dev.ecstags.sdk;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh account and resource ids: every test shares one database, so none may see another's data.
 */
public final class TestIds {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    private TestIds() {
    }

    /** A random 19-digit account id: collisions between tests are as good as impossible. */
    public static String account() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L, Long.MAX_VALUE));
    }

    /** An instance id in the shape ECS uses: {@code i-} and lower-case alphanumerics. */
    public static String instance() {
        return "i-" + RUN + Long.toString(SEQUENCE.incrementAndGet(), 36);
    }
}
