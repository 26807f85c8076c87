package io.aio4j.internal.time;

import java.time.Duration;
import java.util.Objects;

/**
 * The one conversion of a {@link Duration} to the loop's units, used by every {@code Duration}
 * overload of aio4j. It saturates instead of throwing: {@link Duration#toNanos()} overflows past
 * about 292 years, while the {@code double} overloads take {@link Double#POSITIVE_INFINITY} as
 * "never", so a {@code Duration} that large ({@code ChronoUnit.FOREVER.getDuration()},
 * {@code Duration.ofSeconds(Long.MAX_VALUE)}) means "never" too.
 */
public final class Durations {
    private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);
    private static final Duration MIN_NANOS = Duration.ofNanos(Long.MIN_VALUE);

    private Durations() {
    }

    /**
     * {@code duration} in seconds: {@link Double#POSITIVE_INFINITY} at or above
     * {@code Long.MAX_VALUE} nanoseconds, {@link Double#NEGATIVE_INFINITY} at or below
     * {@code Long.MIN_VALUE} nanoseconds.
     *
     * @throws NullPointerException {@code "<what> is null"}
     */
    public static double toSeconds(Duration duration, String what) {
        return switch (overflow(duration, what)) {
            case 1 -> Double.POSITIVE_INFINITY;
            case -1 -> Double.NEGATIVE_INFINITY;
            default -> duration.getSeconds() + duration.getNano() / 1e9;
        };
    }

    /**
     * {@code duration} in nanoseconds, {@link Long#MAX_VALUE} / {@link Long#MIN_VALUE} past what a
     * {@code long} holds.
     *
     * @throws NullPointerException {@code "<what> is null"}
     */
    public static long toNanos(Duration duration, String what) {
        return switch (overflow(duration, what)) {
            case 1 -> Long.MAX_VALUE;
            case -1 -> Long.MIN_VALUE;
            default -> duration.toNanos();
        };
    }

    /** 1 at or above {@code Long.MAX_VALUE} nanoseconds, -1 at or below {@code Long.MIN_VALUE}, else 0. */
    private static int overflow(Duration duration, String what) {
        Objects.requireNonNull(duration, () -> what + " is null");
        if (duration.compareTo(MAX_NANOS) >= 0) {
            return 1;
        }
        return duration.compareTo(MIN_NANOS) <= 0 ? -1 : 0;
    }
}
