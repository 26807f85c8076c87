package io.aio4j.internal.loop.spi;

/**
 * Step 2 of a loop iteration: the wait for I/O. The loop computes how long it may wait (0 when
 * callbacks are ready, until the next timer, or forever) and the poller waits at most that
 * long for channels to become ready or for another thread to {@linkplain #wakeup wake} it,
 * queueing the handlers of the ready channels on the loop. The real one waits on the loop's
 * {@link java.nio.channels.Selector}; a virtual-time loop wraps it (see {@link PollerFactory}).
 *
 * <p>{@link #poll} runs on the loop thread only; {@link #wakeup} on any thread.
 */
public interface Poller {

    /**
     * Waits at most {@code timeoutSeconds} (0: do not wait; {@link Double#POSITIVE_INFINITY}:
     * until woken) and returns how many channels became ready.
     */
    int poll(double timeoutSeconds);

    /** Makes a poll in progress, or the next one, return at once. Any thread. */
    void wakeup();
}
