package io.aio4j.txaio.conformance;

import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.internal.loop.spi.LoopClock;
import io.aio4j.internal.loop.spi.LoopEngine;
import io.aio4j.internal.loop.spi.Poller;

/**
 * A real aio4j loop on a virtual clock (through the loop's seams: an injected clock and a poller
 * wrapping the selector's): when it would wait for its next timer, the clock jumps there at once,
 * up to a limit the test sets; reaching the limit, or having nothing left to do, stops the loop.
 */
final class VirtualTimeLoop extends SelectorEventLoop {
    private final Clock clock;

    VirtualTimeLoop() {
        this(new Clock());
    }

    private VirtualTimeLoop(Clock clock) {
        super(Mode.fromSystemProperty(), clock, (selector, loop) -> new JumpingPoller(selector, loop, clock), null);
        this.clock = clock;
    }

    /** Runs the loop until the clock reaches {@code nanos} from now and nothing is due. */
    void runFor(long nanos) {
        clock.limit = clock.now + nanos;
        runForever();
    }

    private static final class Clock implements LoopClock {
        volatile long now = 1_000_000_000L;
        volatile long limit = now;

        @Override
        public long nanoTime() {
            return now;
        }
    }

    private record JumpingPoller(Poller selector, LoopEngine loop, Clock clock) implements Poller {
        @Override
        public int poll(double timeoutSeconds) {
            int events = selector.poll(0);
            if (timeoutSeconds == 0 || loop.hasPendingWork()) {
                return events;
            }
            long next = timeoutSeconds == Double.POSITIVE_INFINITY
                    ? Long.MAX_VALUE : clock.now + Math.round(timeoutSeconds * 1e9); // the loop's resolution is 1 ns
            if (next <= clock.limit) {
                clock.now = next;
            } else {
                clock.now = clock.limit;
                loop.stop();
            }
            return events;
        }

        @Override
        public void wakeup() {
            selector.wakeup();
        }
    }
}
