package dev.ecstags.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much of one instance an account may use (environment: TAGS_THROTTLE_WRITE_PER_SECOND,
 * TAGS_THROTTLE_READ_PER_SECOND, TAGS_ACCOUNT_MAX_CONNECTIONS).
 *
 * @param writePerSecond         TagResources and UntagResources calls per account and region each second; 0: no limit
 * @param readPerSecond          ListTagResources calls per account and region each second; 0: no limit
 * @param accountMaxConnections  calls of one account served at once; 0 or absent: a quarter of the pool (at least 1)
 * @param accountsTracked        the most (account, region, action class) rate buckets held; the least recently used
 *                               go first, so made-up accounts cannot fill the memory
 * @param ratePeriod             the window the two rates count in: one second (tests lengthen it to make a bucket
 *                               run dry deterministically)
 */
@ConfigurationProperties("tags.throttle")
public record ThrottleProperties(int writePerSecond, int readPerSecond, int accountMaxConnections,
        int accountsTracked, Duration ratePeriod) {

    public ThrottleProperties {
        if (writePerSecond < 0 || readPerSecond < 0 || accountMaxConnections < 0) {
            throw new IllegalStateException("the throttle limits must not be negative");
        }
        accountsTracked = accountsTracked > 0 ? accountsTracked : 100_000;
        ratePeriod = ratePeriod == null ? Duration.ofSeconds(1) : ratePeriod;
    }
}
