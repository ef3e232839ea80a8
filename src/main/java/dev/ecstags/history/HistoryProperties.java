package dev.ecstags.history;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The tag history's settings (environment: TAGS_HISTORY_RETENTION).
 *
 * @param retention how long a change is kept (a bare number is days); zero keeps every change
 */
@ConfigurationProperties("tags.history")
public record HistoryProperties(@DurationUnit(ChronoUnit.DAYS) Duration retention) {

    public HistoryProperties {
        retention = retention == null ? Duration.ofDays(90) : retention;
        if (retention.isNegative()) {
            throw new IllegalStateException("TAGS_HISTORY_RETENTION must not be negative");
        }
    }

    boolean keepsEverything() {
        return retention.isZero();
    }
}
