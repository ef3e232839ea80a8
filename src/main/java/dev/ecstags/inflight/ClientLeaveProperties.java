package dev.ecstags.inflight;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How closely a call in flight watches its client (environment: TAGS_REQUEST_CLIENT_LEAVE_CHECK_INTERVAL).
 *
 * @param clientLeaveCheckInterval how often a call that is still running checks that its client has not closed the
 *                                 connection, and how old a call is before it is first checked: a call that ends
 *                                 sooner costs no check at all. A client that leaves is noticed within about twice
 *                                 this, and its statement cancelled. Zero turns the checks off (statement_timeout
 *                                 still bounds the statement)
 */
@ConfigurationProperties("tags.request")
record ClientLeaveProperties(Duration clientLeaveCheckInterval) {

    ClientLeaveProperties {
        clientLeaveCheckInterval = clientLeaveCheckInterval == null
                ? Duration.ofMillis(250)
                : clientLeaveCheckInterval;
        if (clientLeaveCheckInterval.isNegative()) {
            throw new IllegalStateException("TAGS_REQUEST_CLIENT_LEAVE_CHECK_INTERVAL must not be negative, not "
                    + clientLeaveCheckInterval);
        }
    }
}
