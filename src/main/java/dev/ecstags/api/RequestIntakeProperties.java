package dev.ecstags.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How long a request may take to arrive, and how much of them memory holds (environment:
 * TAGS_REQUEST_READ_TIMEOUT, TAGS_REQUEST_MAX_BUFFERED_BYTES).
 *
 * @param readTimeout      the most time a request body may take to arrive in full; also the longest silence Tomcat
 *                         allows while a request's head arrives (server.tomcat.connection-timeout)
 * @param maxBufferedBytes the most body bytes all requests together hold in memory while they arrive; default an
 *                         eighth of the 128 MB heap of jvm.options. Each body is bounded by 1 MB, but connections
 *                         are many: past this, a body is refused 503 ServiceUnavailable rather than risk the heap
 */
@ConfigurationProperties("tags.request")
record RequestIntakeProperties(Duration readTimeout, DataSize maxBufferedBytes) {

    RequestIntakeProperties {
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        maxBufferedBytes = maxBufferedBytes == null ? DataSize.ofMegabytes(16) : maxBufferedBytes;
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalStateException("TAGS_REQUEST_READ_TIMEOUT must be positive, not " + readTimeout);
        }
    }
}
