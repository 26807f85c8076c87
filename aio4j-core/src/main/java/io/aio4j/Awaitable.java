package io.aio4j;

/**
 * Something a task can {@link Aio#await}: a {@link Future} (and so a {@link Task}) or a
 * {@link Coroutine}. To await a {@link java.util.concurrent.CompletionStage}, use the
 * {@link Aio#await(java.util.concurrent.CompletionStage)} overload.
 */
public sealed interface Awaitable<T> permits Future, Coroutine {
}
