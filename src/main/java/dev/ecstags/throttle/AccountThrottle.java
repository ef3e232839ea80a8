package dev.ecstags.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ecstags.auth.Caller;
import dev.ecstags.error.ErrorCode;
import dev.ecstags.resource.Regions;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What one account may take of this instance, decided in memory (no database round trip): a rate per account,
 * region and action class, and a share of the database pool. Over either, a call is refused at once with
 * {@code Throttling.User}, never queued. Both are per instance: N instances allow N times as much.
 *
 * <p>The rate buckets live in a bounded cache: an account that has not called for a while, or that is pushed out
 * by many others, starts again with a full bucket, which errs on the caller's side. The count of calls in progress
 * needs no bound of its own: an entry exists only while one of the account's calls is being served.
 */
@Component
public class AccountThrottle {

    private static final Duration BUCKET_IDLE = Duration.ofMinutes(10);

    private final Regions regions;
    private final int accountMaxConnections;
    private final RateLimiterConfig writeRate;
    private final RateLimiterConfig readRate;
    private final Cache<BucketKey, RateLimiter> buckets;
    private final ConcurrentHashMap<String, Integer> inProgress = new ConcurrentHashMap<>();

    AccountThrottle(ThrottleProperties properties, Regions regions,
            @Value("${spring.datasource.hikari.maximum-pool-size:16}") int poolSize) {
        this.regions = regions;
        this.accountMaxConnections = properties.accountMaxConnections() > 0
                ? properties.accountMaxConnections()
                : Math.max(1, poolSize / 4);
        this.writeRate = rate(properties.writePerSecond(), properties.ratePeriod());
        this.readRate = rate(properties.readPerSecond(), properties.ratePeriod());
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.accountsTracked())
                .expireAfterAccess(BUCKET_IDLE)
                .build();
    }

    /**
     * The admission of one call: {@link Admission#admit} admits the signer or refuses the call with
     * {@code Throttling.User}; closing the admission (try-with-resources, on every path) gives back what it took.
     *
     * @param regionId the region the call names; the unknown ones share one bucket (they are refused anyway), so
     *                 that made-up regions cannot open fresh buckets
     */
    public Admission admission(String regionId, ActionClass actionClass) {
        return new Admission(regions.contains(regionId) ? regionId : "", actionClass);
    }

    /** Calls of the account in progress on this instance. */
    int inProgress(String accountId) {
        return inProgress.getOrDefault(accountId, 0);
    }

    private void release(String accountId) {
        inProgress.computeIfPresent(accountId, (account, held) -> held > 1 ? held - 1 : null);
    }

    private static RateLimiterConfig rate(int limit, Duration period) {
        if (limit == 0) {
            return null;
        }
        return RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** One call's claim on its account's share; not thread-safe (one request thread). */
    @RequiredArgsConstructor(access = AccessLevel.PRIVATE)
    public final class Admission implements AutoCloseable {

        private final String regionId;
        private final ActionClass actionClass;
        private String admitted;

        public void admit(Caller caller) {
            String accountId = caller.accountId();
            var config = actionClass == ActionClass.WRITE ? writeRate : readRate;
            if (config != null) {
                var bucket = buckets.get(new BucketKey(accountId, regionId, actionClass),
                        key -> RateLimiter.of(key.toString(), config));
                if (!bucket.acquirePermission()) {
                    throw ErrorCode.THROTTLING_USER.exception();
                }
            }
            if (inProgress.merge(accountId, 1, Integer::sum) > accountMaxConnections) {
                release(accountId);
                throw ErrorCode.THROTTLING_USER.exception();
            }
            admitted = accountId;
        }

        @Override
        public void close() {
            if (admitted != null) {
                release(admitted);
                admitted = null;
            }
        }
    }

    private record BucketKey(String accountId, String regionId, ActionClass actionClass) {
    }
}
