package io.aio4j;

import io.aio4j.internal.Describe;
import io.aio4j.internal.Sneaky;
import io.aio4j.internal.loop.LoopCore;
import java.util.Objects;

/**
 * A lazy, one-shot piece of async code made by {@link Aio#async}: asyncio's coroutine object.
 * Nothing runs until it is awaited — {@link Aio#await} runs the body inline in the current
 * task, as {@code await coro} does — or wrapped in a task with {@link Aio#createTask(Coroutine)}.
 * It can be consumed once; a second await throws {@link IllegalStateException}.
 *
 * <p>Methods that return a {@code Coroutine} read like Python's {@code async def}:
 * <pre>{@code
 *   Coroutine<String> fetch(String url) { return Aio.async(() -> ...); }
 *   String page = Aio.await(fetch(url));
 * }</pre>
 */
public final class Coroutine<T> implements Awaitable<T> {
    private final String name;
    private AsyncCallable<T> body;
    /** Debug mode: cancels the "never awaited" warning once consumed. */
    private Runnable neverAwaited;

    Coroutine(AsyncCallable<T> body, String name) {
        this.body = Objects.requireNonNull(body, "body");
        this.name = name != null ? name : Describe.callable(body);
        this.neverAwaited = LoopCore.watchNeverAwaited(this, this.name);
    }

    /** The coroutine's name, as reprs and warnings show it: the body's class and method where known. */
    public String name() {
        return name;
    }

    /** Whether the coroutine was awaited or given to a task. */
    public boolean isConsumed() {
        return body == null;
    }

    @Override
    public String toString() {
        return "<coroutine object " + name + (body == null ? " (consumed)>" : ">");
    }

    /** Runs the body inline: {@code await coro}. */
    T runInline() {
        AsyncCallable<T> b = take();
        try {
            return b.call();
        } catch (Exception e) {
            throw Sneaky.raise(e);
        }
    }

    /** Hands the body over, once, to an await or a task. */
    AsyncCallable<T> take() {
        AsyncCallable<T> b = body;
        if (b == null) {
            throw new IllegalStateException("cannot reuse already awaited coroutine " + name);
        }
        body = null;
        Runnable tracker = neverAwaited;
        if (tracker != null) {
            neverAwaited = null;
            tracker.run();
        }
        return new Body<>(b, name);
    }

    /** A coroutine's body on its way into a task, carrying the coroutine's name. */
    record Body<T>(AsyncCallable<T> body, String name) implements AsyncCallable<T> {
        @Override
        public T call() throws Exception {
            return body.call();
        }
    }
}
