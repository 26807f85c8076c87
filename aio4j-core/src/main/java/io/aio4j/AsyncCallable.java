package io.aio4j;

/**
 * The body of a task or coroutine: straight-line code that may {@link Aio#await} futures.
 *
 * <p>It runs on the event loop's thread (as a task's virtual thread), so it may block
 * only in {@code Aio.await}, {@code Aio.sleep} and, in native mode, in JDK blocking calls.
 * Checked exceptions are allowed; they complete the task exceptionally and are rethrown,
 * as the same instance, by whoever awaits it.
 */
@FunctionalInterface
public interface AsyncCallable<T> {
    /** Runs the body and returns its result. */
    T call() throws Exception;
}
