package io.aio4j;

/** A callback scheduled at a point in the loop's time with {@link EventLoop#callLater} or {@link EventLoop#callAt}. */
public interface TimerHandle extends Handle {
    /** The loop time, in seconds, at which the callback is due (see {@link EventLoop#time()}). */
    double when();
}
