package dev.ecstags.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request log's duration reads as it did with String.format("%.1f"). */
class CallDurationFormatTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 49_999, 50_000, 950_000, 1_000_000, 12_345_678, 999_949_999, 5_000_000_000L})
    void tenthsOfAMillisecondAsStringFormatRoundsThem(long nanos) {
        assertThat(RpcCallLog.tenthsOfMillis(nanos))
                .isEqualTo(String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0));
    }
}
