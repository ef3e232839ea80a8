package dev.ecstags.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a request may take to arrive (environment: TAGS_REQUEST_READ_TIMEOUT).
 *
 * @param readTimeout the most time a request body may take to arrive in full; also the longest silence Tomcat
 *                    allows while a request's head arrives (server.tomcat.connection-timeout)
 */
@ConfigurationProperties("tags.request")
record RequestIntakeProperties(Duration readTimeout) {

    RequestIntakeProperties {
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalStateException("TAGS_REQUEST_READ_TIMEOUT must be positive, not " + readTimeout);
        }
    }
}
