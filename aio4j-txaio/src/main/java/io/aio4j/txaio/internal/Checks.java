package io.aio4j.txaio.internal;

/**
 * Argument checks shared by the API and the timers, with messages that name the value.
 */
public final class Checks {
    private Checks() {
    }

    /** Returns {@code seconds} as nanoseconds, or throws if it is not a usable delay. */
    public static long delayNanos(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("Invalid delay: " + seconds + " (must be finite and >= 0)");
        }
        double nanos = Math.ceil(seconds * 1e9);
        return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
    }

    /** Returns {@code value}, or throws naming {@code what} if it is null. */
    public static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " == null");
        }
        return value;
    }
}
