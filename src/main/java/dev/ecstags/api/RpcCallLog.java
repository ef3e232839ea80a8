package dev.ecstags.api;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around every RPC call: gives it its RequestId (in the MDC, so every line logged during the call carries it), then
 * records its duration under its action and HTTP status and writes one INFO line about it. The line holds what an
 * operator looks a call up by, never a signature, secret or token (the exchange only keeps values safe to repeat).
 * {@code TAGS_REQUEST_LOG=false} turns the line off; the metrics stay.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RpcCallLog extends OncePerRequestFilter {

    /** The MDC key of the current call's RequestId. */
    static final String REQUEST_ID = "requestId";
    static final String TIMER = "ecs.tag.api.requests";

    /** Latency buckets for p50..p99 per action: the service answers in milliseconds, a slow database in seconds. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private static final Logger log = LoggerFactory.getLogger(RpcCallLog.class);

    /** Built once, with its buckets. */
    private final Meter.MeterProvider<Timer> timers;
    /**
     * The timer of each action and status, looked up without building a meter id on every call (MeterProvider
     * builds one per lookup). Both keys are bounded: the API's actions and "unknown", and the HTTP statuses.
     */
    private final ConcurrentMap<String, ConcurrentMap<Integer, Timer>> timersByActionAndStatus = new ConcurrentHashMap<>();
    private final boolean enabled;

    RpcCallLog(MeterRegistry meters, @Value("${tags.request-log:true}") boolean enabled) {
        this.timers = Timer.builder(TIMER)
                .description("RPC calls by action and HTTP status")
                .serviceLevelObjectives(BUCKETS)
                .withRegistry(meters);
        this.enabled = enabled;
    }

    /**
     * A call whose body did not come whole with its head reaches this filter only on its async dispatch:
     * RequestIntakeFilter, before it, reads the rest of the body without a worker and then dispatches the request
     * again.
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"/".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RpcExchange exchange = RpcExchange.start(request);
        MDC.put(REQUEST_ID, exchange.requestId());
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long elapsed = System.nanoTime() - started;
            int status = response.getStatus();
            timer(exchange.action(), status).record(elapsed, TimeUnit.NANOSECONDS);
            if (enabled) {
                logCall(exchange, status, elapsed);
            }
            MDC.remove(REQUEST_ID);
        }
    }

    private Timer timer(String action, int status) {
        return timersByActionAndStatus.computeIfAbsent(action, any -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, any -> timers.withTags("action", action, "status", Integer.toString(status)));
    }

    private static void logCall(RpcExchange exchange, int status, long elapsedNanos) {
        String code = exchange.errorCode() == null ? "-" : exchange.errorCode();
        double millis = elapsedNanos / 1_000_000.0;
        log.atInfo()
                .addKeyValue("action", exchange.action())
                .addKeyValue("accessKeyId", exchange.accessKeyId())
                .addKeyValue("accountId", exchange.accountId())
                .addKeyValue("regionId", exchange.regionId())
                .addKeyValue("status", status)
                .addKeyValue("errorCode", exchange.errorCode())
                .addKeyValue("durationMs", millis)
                .log("RPC {} RequestId={} AccessKeyId={} account={} region={} status={} code={} {} ms",
                        exchange.action(), exchange.requestId(), orDash(exchange.accessKeyId()),
                        orDash(exchange.accountId()), orDash(exchange.regionId()), status, code,
                        tenthsOfMillis(elapsedNanos));
    }

    /** "12.3": what String.format("%.1f") gives, without parsing a format on every call. */
    static String tenthsOfMillis(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return tenths / 10 + "." + tenths % 10;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
