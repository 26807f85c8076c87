/**
 * Queues between the tasks of one event loop: asyncio's {@code Queue}, {@code PriorityQueue}
 * and {@code LifoQueue}, with {@code join}/{@code taskDone} accounting and Python 3.13's
 * {@code shutdown}.
 *
 * <p>Not thread-safe, and needing none: use a queue from the tasks and callbacks of one loop
 * (from another thread, go through {@code callSoonThreadsafe}). {@code put}, {@code get} and
 * {@code join} suspend the current task and must be called from a task's body. Items may not
 * be {@code null}. A queue binds to the first loop on which a task waits on it.
 */
package io.aio4j.queue;
