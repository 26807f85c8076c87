package io.aio4j.test;

import io.aio4j.internal.loop.spi.LoopClock;
import java.util.concurrent.atomic.AtomicLong;

/** {@link TestLoop}'s clock: nanoseconds from 0 that move only when told. Any thread. */
final class VirtualClock implements LoopClock {
    private final AtomicLong now = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    /** Moves the clock {@code nanos} forward. */
    void advance(long nanos) {
        now.addAndGet(nanos);
    }

    /** Moves the clock forward to {@code nanos}, unless it is there already. */
    void advanceTo(long nanos) {
        now.accumulateAndGet(nanos, Math::max);
    }

    /** {@code seconds} in the clock's nanoseconds, rounded up, capped far from overflow. */
    static long toNanos(double seconds) {
        double nanos = Math.ceil(seconds * 1e9);
        return nanos >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) nanos;
    }
}
