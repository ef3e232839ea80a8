package dev.ecstags.history;

/** A history read that cannot be answered as asked; the message says why, never internals. */
public final class InvalidHistoryQueryException extends RuntimeException {

    InvalidHistoryQueryException(String message) {
        super(message, null, false, false);
    }
}
