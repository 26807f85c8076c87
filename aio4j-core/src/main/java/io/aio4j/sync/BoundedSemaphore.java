package io.aio4j.sync;

/**
 * asyncio's {@code BoundedSemaphore}: a {@link Semaphore} that refuses to be released more
 * often than it was acquired, which catches release bugs.
 */
public final class BoundedSemaphore extends Semaphore {
    private final int bound;

    /** A bounded semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * A bounded semaphore with {@code value} permits, which is also the most it may ever hold.
     *
     * @throws IllegalArgumentException {@code "Semaphore initial value must be >= 0"}
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /**
     * Gives a permit back.
     *
     * @throws IllegalArgumentException {@code "BoundedSemaphore released too many times"}
     *     (Python's {@code ValueError})
     */
    @Override
    public void release() {
        if (value() >= bound) {
            throw new IllegalArgumentException("BoundedSemaphore released too many times");
        }
        super.release();
    }
}
