package io.aio4j.internal.loop.spi;

/**
 * The loop's time source, in nanoseconds from an origin of the source's choosing:
 * {@code EventLoop.time()} is {@code nanoTime() / 1e9}, and every timer is read from it.
 * Injected so that a virtual-time loop can move time itself (Caffeine's {@code Ticker},
 * Netty's {@code MockTicker}).
 *
 * <p>Read by the loop thread, and by any thread that calls {@code time()}.
 */
@FunctionalInterface
public interface LoopClock {
    /** The real monotonic clock ({@link System#nanoTime}), from one origin shared by all loops of the JVM. */
    LoopClock SYSTEM = SystemClock.INSTANCE;

    /** The current time in nanoseconds; never decreases. */
    long nanoTime();
}

/** {@link LoopClock#SYSTEM}: every real loop counts from the same origin, so their times compare. */
enum SystemClock implements LoopClock {
    INSTANCE;

    private static final long ORIGIN = System.nanoTime();

    @Override
    public long nanoTime() {
        return System.nanoTime() - ORIGIN;
    }
}
