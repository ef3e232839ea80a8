package dev.ecstags.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How long a request may take to arrive, and how much of them memory holds (environment:
 * TAGS_REQUEST_READ_TIMEOUT, TAGS_REQUEST_MAX_BUFFERED_BYTES, TAGS_REQUEST_MAX_ARRIVING).
 *
 * @param readTimeout      the most time a request body may take to arrive in full; also the longest silence Tomcat
 *                         allows while a request's head arrives (server.tomcat.connection-timeout)
 * @param maxBufferedBytes the most body bytes all requests together hold in memory while they arrive; default an
 *                         eighth of the 128 MB heap of jvm.options. Each body is bounded by 1 MB, but connections
 *                         are many: past this, a body is refused 503 ServiceUnavailable rather than risk the heap
 * @param maxArriving      the most requests whose body is still arriving at once. Each holds a Tomcat processor
 *                         meanwhile, about 130 KB of heap with its 64 KB header buffer, whatever its body: 1,200
 *                         stalled sockets from one client ran the 128 MB heap out (bench/edge), and so did 1,200
 *                         with this bound at 600. Past it, a body that has not come whole with its head is refused
 *                         503 ServiceUnavailable at once and its connection closed, which frees the processor
 */
@ConfigurationProperties("tags.request")
record RequestIntakeProperties(Duration readTimeout, DataSize maxBufferedBytes, Integer maxArriving) {

    RequestIntakeProperties {
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        maxBufferedBytes = maxBufferedBytes == null ? DataSize.ofMegabytes(16) : maxBufferedBytes;
        maxArriving = maxArriving == null ? 500 : maxArriving;
        if (maxArriving < 1) {
            throw new IllegalStateException("TAGS_REQUEST_MAX_ARRIVING must be at least 1, not " + maxArriving);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalStateException("TAGS_REQUEST_READ_TIMEOUT must be positive, not " + readTimeout);
        }
    }
}
