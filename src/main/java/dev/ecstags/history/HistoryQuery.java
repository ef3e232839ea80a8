package dev.ecstags.history;

import java.time.Instant;

/**
 * Which changes to list: one account's, optionally narrowed (a null field does not narrow).
 *
 * @param from first instant included
 * @param to   first instant excluded
 */
public record HistoryQuery(String accountId, String regionId, String resourceType, String resourceId,
        String tagKey, String accessKeyId, Instant from, Instant to) {
}
