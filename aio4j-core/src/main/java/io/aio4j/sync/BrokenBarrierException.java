package io.aio4j.sync;

/**
 * asyncio's {@code BrokenBarrierError}: thrown by {@link Barrier#await()} when the barrier is
 * aborted or reset while the task waits ({@code "Abort or reset of barrier"}), or was aborted
 * before it arrived ({@code "Barrier aborted"}).
 */
public class BrokenBarrierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A broken-barrier error with {@code message}. */
    public BrokenBarrierException(String message) {
        super(message);
    }
}
