package io.aio4j.internal.loop.spi;

/**
 * Makes a loop's poller from the real one: the identity for an ordinary loop, a wrapper that
 * moves a virtual clock for a test loop. Called once, while the loop is being built: the
 * wrapper may keep {@code loop} but not call it before the loop runs.
 */
@FunctionalInterface
public interface PollerFactory {
    /** The real poller as it is. */
    PollerFactory SELECTOR = (selectorPoller, loop) -> selectorPoller;

    /** The poller {@code loop} will use, built on {@code selectorPoller} (the loop's selector). */
    Poller create(Poller selectorPoller, LoopEngine loop);
}
