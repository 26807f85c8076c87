package io.aio4j.sync;

/**
 * A held {@link Lock}, {@link Semaphore} or {@link Condition}, from {@code hold()}: closing it
 * releases, once. Made for try-with-resources, asyncio's {@code async with lock:}
 * <pre>{@code
 *   try (var held = lock.hold()) {
 *       ... // the lock is held here, and released however the block ends
 *   }
 * }</pre>
 */
public interface Acquired extends AutoCloseable {
    /** Releases what was acquired; a second call does nothing. Does not throw a checked exception. */
    @Override
    void close();

}
