package io.aio4j.txaio.conformance;

import io.aio4j.internal.loop.SelectorEventLoop;

/**
 * A real aio4j loop on a virtual clock (through the core loop's test hooks {@code nanoTime} and
 * {@code poll}): when it would wait for its next timer, the clock jumps there at once, up to a
 * limit the test sets; reaching the limit, or having nothing left to do, stops the loop.
 */
final class VirtualTimeLoop extends SelectorEventLoop {
    private long now = 1_000_000_000L;
    private long limit = now;

    @Override
    protected long nanoTime() {
        return now;
    }

    /** Runs the loop until the clock reaches {@code nanos} from now and nothing is due. */
    void runFor(long nanos) {
        limit = now + nanos;
        runForever();
    }

    @Override
    protected void poll(double timeoutSeconds) {
        super.poll(0);
        if (timeoutSeconds == 0 || hasReadyWork() || hasRemoteWork()) return;
        long next = timeoutSeconds == Double.POSITIVE_INFINITY
                ? Long.MAX_VALUE : now + Math.round(timeoutSeconds * 1e9); // the loop's resolution is 1 ns
        if (next <= limit) {
            now = next;
        } else {
            now = limit;
            stop();
        }
    }
}
