/**
 * aio4j: asyncio for the JVM. A single-threaded {@link io.aio4j.EventLoop}, {@link io.aio4j.Future}s,
 * and {@link io.aio4j.Task}s whose bodies are straight-line Java that {@link io.aio4j.Aio#await awaits}
 * futures. Start with {@link io.aio4j.Aio#run}.
 *
 * <p>Threading: every object of a loop belongs to that loop's thread. From other threads use
 * {@link io.aio4j.EventLoop#callSoonThreadsafe} and {@link io.aio4j.Aio#runCoroutineThreadsafe}.
 */
package io.aio4j;
