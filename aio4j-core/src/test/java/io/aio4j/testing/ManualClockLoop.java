package io.aio4j.testing;

import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.internal.loop.spi.LoopClock;
import io.aio4j.internal.loop.spi.LoopEngine;
import io.aio4j.internal.loop.spi.Poller;

/**
 * A loop whose clock moves only when idle, straight to the next timer: timers run in
 * milliseconds of real time, in exactly the order real time would give. (The full
 * virtual-time loop for users is aio4j-test's TestLoop; core's own tests use this one.)
 * Built through the loop's seams: an injected clock and a poller wrapping the selector's.
 */
public final class ManualClockLoop extends SelectorEventLoop {
    private final ManualClock clock;

    public ManualClockLoop() {
        this(new ManualClock());
    }

    private ManualClockLoop(ManualClock clock) {
        super(Mode.fromSystemProperty(), clock, (selector, loop) -> new IdleJumpPoller(selector, loop, clock), null);
        this.clock = clock;
    }

    /** Moves the clock forward by {@code seconds}. */
    public void advance(double seconds) {
        clock.advance(seconds);
    }

    private static final class ManualClock implements LoopClock {
        private volatile long now = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        void advance(double seconds) {
            now += (long) Math.ceil(seconds * 1e9);
        }
    }

    /** Checks for I/O without waiting; when nothing is ready, jumps the clock to the next timer instead of waiting for it. */
    private record IdleJumpPoller(Poller selector, LoopEngine loop, ManualClock clock) implements Poller {
        @Override
        public int poll(double timeoutSeconds) {
            int events = selector.poll(0);
            if (timeoutSeconds > 0 && timeoutSeconds != Double.POSITIVE_INFINITY && !loop.hasPendingWork()) {
                clock.advance(timeoutSeconds);
            } else if (timeoutSeconds == Double.POSITIVE_INFINITY && !loop.hasPendingWork()) {
                events += selector.poll(timeoutSeconds);
            }
            return events;
        }

        @Override
        public void wakeup() {
            selector.wakeup();
        }
    }
}
