package dev.ecstags.history;

import java.util.List;

/** Changes newest first; {@code nextPageToken} continues after the last one, null on the last page. */
public record HistoryPage(List<TagChange> changes, String nextPageToken) {
}
