package io.aio4j.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void ordinaryDurationsConvertExactly() {
        assertEquals(1.5, Durations.toSeconds(Duration.ofMillis(1500), "d"));
        assertEquals(-0.25, Durations.toSeconds(Duration.ofMillis(-250), "d"));
        assertEquals(0.0, Durations.toSeconds(Duration.ZERO, "d"));
        assertEquals(1_500_000_000L, Durations.toNanos(Duration.ofMillis(1500), "d"));
        assertEquals(86_400.0 * 365 * 200, Durations.toSeconds(Duration.ofDays(365 * 200), "d"));
    }

    @Test
    void durationsPastWhatNanosHoldSaturateInsteadOfThrowing() {
        assertEquals(Double.POSITIVE_INFINITY, Durations.toSeconds(ChronoUnit.FOREVER.getDuration(), "d"));
        assertEquals(Double.POSITIVE_INFINITY, Durations.toSeconds(Duration.ofSeconds(Long.MAX_VALUE), "d"));
        assertEquals(Double.POSITIVE_INFINITY, Durations.toSeconds(Duration.ofNanos(Long.MAX_VALUE), "d"));
        assertEquals(Double.NEGATIVE_INFINITY, Durations.toSeconds(Duration.ofSeconds(Long.MIN_VALUE), "d"));
        assertEquals(Long.MAX_VALUE, Durations.toNanos(ChronoUnit.FOREVER.getDuration(), "d"));
        assertEquals(Long.MIN_VALUE, Durations.toNanos(Duration.ofSeconds(Long.MIN_VALUE), "d"));
        // Just below the limit stays finite.
        assertEquals(Long.MAX_VALUE - 1, Durations.toNanos(Duration.ofNanos(Long.MAX_VALUE - 1), "d"));
    }

    @Test
    void nullNamesTheArgument() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Durations.toSeconds(null, "timeout"));
        assertEquals("timeout is null", e.getMessage());
    }
}
