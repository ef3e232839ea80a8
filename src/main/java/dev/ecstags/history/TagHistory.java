package dev.ecstags.history;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the tag history: who changed which tag when, and the tags a resource carried at any instant the history
 * still covers. The changes themselves are written by the statements that make them (tag and resource stores).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TagHistory {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;

    private final TagHistoryStore store;
    private final HistoryProperties properties;
    private final Clock clock;

    /** Changes newest first, {@code limit} at a time; {@code pageToken} is the previous page's next token. */
    public HistoryPage changes(HistoryQuery query, String pageToken, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidHistoryQueryException("limit: 1 to " + MAX_PAGE_SIZE);
        }
        var normalized = new HistoryQuery(query.accountId(), query.regionId(),
                query.resourceType() == null ? null : query.resourceType().toLowerCase(Locale.ROOT),
                query.resourceId(), query.tagKey(), query.accessKeyId(), query.from(), query.to());
        var after = pageToken == null || pageToken.isEmpty() ? null : Cursor.read(pageToken);
        var rows = store.find(normalized, after, limit + 1);
        if (rows.size() <= limit) {
            return new HistoryPage(rows, null);
        }
        var page = List.copyOf(rows.subList(0, limit));
        var last = page.get(limit - 1);
        return new HistoryPage(page, new Cursor(last.changedAt(), last.id()).token());
    }

    /**
     * The tags of one resource at {@code at}, rebuilt backwards from its current tags by undoing every later change,
     * so tags older than the history (or than V4) are still known. Instants the retention has purged are refused.
     */
    @Transactional(readOnly = true)
    public ResourceTags tagsAsOf(String accountId, String regionId, String resourceType, String resourceId,
            Instant at) {
        if (!properties.keepsEverything()) {
            Instant horizon = clock.instant().minus(properties.retention());
            if (at.isBefore(horizon)) {
                throw new InvalidHistoryQueryException("at: the history is kept for " + properties.retention()
                        .toDays() + " days; the earliest instant it can rebuild is "
                        + horizon.truncatedTo(
                                ChronoUnit.SECONDS));
            }
        }
        return new ResourceTags(at, store.tagsAsOf(accountId, regionId, resourceType.toLowerCase(Locale.ROOT),
                resourceId, at));
    }

    /** Where a page ended: its last change's instant (in microseconds, as PostgreSQL keeps it) and id. */
    record Cursor(Instant changedAt, long id) {

        String token() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, changedAt);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor read(String token) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII)
                        .split(":");
                if (parts.length != 2) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
                        Long.parseLong(parts[1]));
            } catch (RuntimeException malformed) {
                throw new InvalidHistoryQueryException("pageToken: not a token this API issued");
            }
        }
    }
}
