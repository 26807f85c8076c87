package io.aio4j;

/**
 * A callback scheduled on an event loop with {@link EventLoop#callSoon}; cancel it to keep it
 * from running. Like every loop object, use it from the loop's thread.
 */
public interface Handle {
    /** Keeps the callback from running if it has not run yet; does nothing otherwise. */
    void cancel();

    /** Whether {@link #cancel()} was called. */
    boolean isCancelled();
}
