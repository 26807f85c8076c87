package io.aio4j.test;

import io.aio4j.internal.loop.spi.LoopEngine;
import io.aio4j.internal.loop.spi.Poller;

/**
 * {@link TestLoop}'s poller: checks for I/O without waiting, then, instead of waiting in real
 * time for the next timer, jumps the clock there when the loop is idle (autojump). When only
 * another thread or I/O can make progress (autojump off, no timer, executor jobs out), it waits
 * for them in real time; {@code advanceTime} from another thread wakes it. A task waiting in
 * {@code runCurrent} is woken instead when nothing is ready; one waiting in
 * {@code advanceUntilIdle} when, besides, no executor job is out and no timer but background
 * tasks' is scheduled (until then the clock jumps to the next timer, autojump or not).
 */
final class VirtualTimePoller implements Poller {
    private final Poller selector;
    private final LoopEngine engine;
    private final TestLoop loop;
    private final VirtualClock clock;

    VirtualTimePoller(Poller selector, LoopEngine engine, TestLoop loop, VirtualClock clock) {
        this.selector = selector;
        this.engine = engine;
        this.loop = loop;
        this.clock = clock;
    }

    @Override
    public int poll(double timeoutSeconds) {
        int events = selector.poll(0);
        if (timeoutSeconds <= 0 || engine.hasPendingWork()) {
            return events;
        }
        TestLoop.IdleWait wait = loop.idleWait();
        if (wait != null && (!wait.untilIdle() || engine.executorJobsInFlight() == 0)) {
            // A task waits in runCurrent / advanceUntilIdle, and nothing is ready at this time.
            if (!wait.untilIdle() || !loop.hasForegroundTimer()) {
                wait.done().trySetResult(null);
            } else {
                clock.advance(VirtualClock.toNanos(timeoutSeconds));
            }
            return events;
        }
        if (!loop.autojump() || timeoutSeconds == Double.POSITIVE_INFINITY || engine.executorJobsInFlight() > 0) {
            events += selector.poll(Double.POSITIVE_INFINITY);
            checkNotInterrupted();
            return events;
        }
        double grace = loop.autojumpThreshold();
        if (grace > 0) {
            events += selector.poll(grace);
            checkNotInterrupted();
            if (engine.hasPendingWork()) {
                return events;
            }
        }
        clock.advance(VirtualClock.toNanos(timeoutSeconds));
        return events;
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    /**
     * An interrupted thread makes every select return at once, so a loop with nothing to do
     * would spin; a test framework interrupts the thread on timeout, so end the run instead.
     */
    private void checkNotInterrupted() {
        if (Thread.interrupted()) {
            throw new IllegalStateException("the thread running " + loop + " was interrupted while the loop waited "
                    + "for other threads or I/O (a test timeout?)");
        }
    }
}
