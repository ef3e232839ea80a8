package dev.ecstags.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh account ids, resource ids and nonces, the only source of them in the tests: every test shares one database
 * (and a kept database is shared by reruns), so none may see another's data or reuse another's nonce.
 */
public final class TestIds {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** A random prefix per run: ids of this run cannot meet those of an earlier run against a kept database. */
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    private TestIds() {
    }

    /** A random 19-digit account id: collisions between tests are as good as impossible. */
    public static String account() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L, Long.MAX_VALUE));
    }

    /** An instance id in the shape ECS uses: {@code i-} and lower-case alphanumerics. */
    public static String instance() {
        return resource("i-");
    }

    /** A resource id (or any unique name) starting with {@code prefix}, then lower-case alphanumerics. */
    public static String resource(String prefix) {
        return prefix + RUN + Long.toString(SEQUENCE.incrementAndGet(), 36);
    }

    /** A {@code SignatureNonce} as the SDKs make one: 32 hex digits. */
    public static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
