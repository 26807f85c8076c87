package io.aio4j.testing;

import io.aio4j.internal.loop.SelectorEventLoop;

/**
 * A loop whose clock moves only when idle, straight to the next timer: timers run in
 * milliseconds of real time, in exactly the order real time would give. (The full
 * virtual-time loop for users is aio4j-test's TestLoop; core's own tests use this one.)
 */
public final class ManualClockLoop extends SelectorEventLoop {
    private long now = 1_000_000_000L;

    @Override
    protected long nanoTime() {
        return now;
    }

    /** Moves the clock forward by {@code seconds}. */
    public void advance(double seconds) {
        now += (long) Math.ceil(seconds * 1e9);
    }

    @Override
    protected void poll(double timeoutSeconds) {
        super.poll(0);
        if (timeoutSeconds > 0 && timeoutSeconds != Double.POSITIVE_INFINITY && !hasReadyWork() && !hasRemoteWork()) {
            advance(timeoutSeconds);
        } else if (timeoutSeconds == Double.POSITIVE_INFINITY && !hasReadyWork()) {
            super.poll(timeoutSeconds);
        }
    }
}
