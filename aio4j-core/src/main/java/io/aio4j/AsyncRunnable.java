package io.aio4j;

/**
 * The body of a task or coroutine that has no result: {@link AsyncCallable} without the
 * {@code return null;}. Every method that takes an {@code AsyncCallable} body to run as a task
 * or inline ({@link Aio#run}, {@link Aio#createTask}, {@link EventLoop#createTask},
 * {@link TaskGroup#createTask}, {@link Aio#timeout}, {@link Aio#async},
 * {@link Aio#runCoroutineThreadsafe}) also takes one; the task's result is then {@code null}.
 *
 * <pre>{@code
 *   Aio.run(() -> {                         // a block without a value: AsyncRunnable
 *       Aio.createTask(() -> log("tick"));  // a void method: AsyncRunnable
 *       Aio.sleep(1);
 *   });
 *   String s = Aio.run(() -> fetch("a"));   // an expression with a value: AsyncCallable
 * }</pre>
 *
 * <p>Java picks between the two by the lambda's shape: a block that returns nothing, or a call
 * of a {@code void} method, is an {@code AsyncRunnable}; anything that yields a value (and a
 * body that only throws or never ends) is an {@code AsyncCallable}. Like {@code AsyncCallable},
 * the body runs on the loop's thread as a task and may throw checked exceptions.
 * {@link Aio#toThread(AsyncRunnable)} takes one too, for a blocking call without a result; that
 * one runs on a thread of the loop's default executor instead.
 */
@FunctionalInterface
public interface AsyncRunnable {
    /** Runs the body. */
    void run() throws Exception;
}
