/**
 * What a live monitor reads from the loops of this JVM, without their cooperation: per-loop
 * counters written by the loop with plain-cost stores ({@link io.aio4j.internal.stats.LoopStats}),
 * a read-only view of each open loop and its tasks ({@link io.aio4j.internal.stats.LoopView},
 * {@link io.aio4j.internal.stats.TaskInfo}), the history of terminated tasks
 * ({@link io.aio4j.internal.stats.TaskHistory}, recorded only while a monitor runs) and the
 * {@link java.util.ServiceLoader} hook that starts the monitor from {@code -Daio4j.monitor}.
 * A loop is read through its {@link io.aio4j.internal.loop.LoopProbe} (id, counters, who holds
 * it) and its {@link io.aio4j.internal.loop.LoopCore} (mode, state, pending tasks).
 *
 * <p>Exported only to {@code io.aio4j.monitor}. Everything here is read from a monitor thread
 * while the loops run (or are stuck): reads are racy by design and every method tolerates a
 * loop that changes underneath it; nothing here posts work to a loop and waits for it.
 */
package io.aio4j.internal.stats;
