package dev.ecstags.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges changes older than TAGS_HISTORY_RETENTION, off the request path: a scheduled job deletes them in small
 * batches, each its own short transaction, so no request waits behind a long delete. Rows one instance is purging
 * are skipped by the others.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class HistoryRetention {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    static final int BATCH = 1000;
    /** One run stops after this long and leaves the rest to the next run, a minute later. */
    private static final Duration MAX_RUN = Duration.ofSeconds(10);

    private final TagHistoryStore store;
    private final HistoryProperties properties;
    private final Clock clock;

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void purgeExpired() {
        if (properties.keepsEverything()) {
            return;
        }
        purgeOlderThan(clock.instant().minus(properties.retention()));
    }

    /** @return how many changes were purged */
    long purgeOlderThan(Instant cutoff) {
        long deadline = System.nanoTime() + MAX_RUN.toNanos();
        long purged = 0;
        int deleted;
        do {
            deleted = store.purge(cutoff, BATCH);
            purged += deleted;
        } while (deleted == BATCH && System.nanoTime() < deadline);
        if (purged > 0) {
            log.debug("Purged {} tag history changes older than {}", purged, cutoff);
        }
        return purged;
    }
}
