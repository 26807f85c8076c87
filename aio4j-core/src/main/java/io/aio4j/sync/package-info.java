/**
 * Synchronization between the tasks of one event loop: asyncio's {@code Lock}, {@code Event},
 * {@code Condition}, {@code Semaphore}, {@code BoundedSemaphore} and {@code Barrier}.
 *
 * <p>These are not thread-safe and need no thread-safety: every task of a loop runs on that
 * loop's thread, one at a time. The methods that wait ({@code acquire}, {@code await},
 * {@code awaitFor}) suspend the current task, never the thread, and must be called from a
 * task's body. Waiters are served first in, first out, and a waiter that is cancelled never
 * loses a wakeup: it passes it on. Each object binds to the first loop on which a task waits
 * on it; a task of another loop then gets {@link java.lang.IllegalStateException}
 * {@code "<…> is bound to a different event loop"}. Where Python says {@code wait}/{@code notify}
 * (final methods of {@link java.lang.Object} in Java) aio4j says {@code await}/{@code signal},
 * as {@link java.util.concurrent.locks.Condition} does.
 */
package io.aio4j.sync;
