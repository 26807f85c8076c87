/**
 * The JDK backend: {@code CompletableFuture}s whose callbacks and timers run on a
 * {@code ScheduledExecutorService}.
 */
package io.aio4j.txaio.internal.jdk;
