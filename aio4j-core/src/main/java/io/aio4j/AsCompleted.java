package io.aio4j;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * asyncio.as_completed, iterated in a task: {@code next()} waits until one more of the
 * awaitables is done and returns it (the original future; a coroutine's task). With a timeout,
 * as asyncio's: once it passes, the awaitables done before it are still returned, then
 * {@code next()} throws {@link TimeoutException} and the iteration ends; nothing is cancelled.
 */
final class AsCompleted<T> implements Iterable<Future<T>>, Iterator<Future<T>> {
    private final EventLoop loop;
    private final ArrayDeque<Future<T>> done = new ArrayDeque<>();
    private int todo;
    private Future<Void> waiter;
    private boolean iterated;
    private boolean timedOut;
    /** The timeout passed: completions after it are not followed any more. */
    private boolean stopped;
    private final Consumer<Future<T>> onDone = this::completed;
    private final TimerHandle timer;
    private final Set<Future<T>> futures;

    AsCompleted(Collection<? extends Awaitable<T>> aws) {
        this(aws, Double.POSITIVE_INFINITY);
    }

    AsCompleted(Collection<? extends Awaitable<T>> aws, double timeoutSeconds) {
        Objects.requireNonNull(aws, "aws");
        EventLoop l = Aio.getRunningLoop();
        Set<Future<T>> futures = new LinkedHashSet<>();
        for (Awaitable<T> aw : aws) {
            futures.add(Aio.ensureFuture(aw, l));
        }
        this.loop = l;
        this.futures = futures;
        this.todo = futures.size();
        for (Future<T> f : futures) {
            f.addDoneCallback(onDone);
        }
        this.timer = timeoutSeconds != Double.POSITIVE_INFINITY && todo > 0 ? l.callLater(timeoutSeconds, this::timedOut) : null;
    }

    /** The iterator; an as-completed sequence can be iterated once. */
    @Override
    public Iterator<Future<T>> iterator() {
        if (iterated) {
            throw new IllegalStateException("asCompleted() can be iterated only once");
        }
        iterated = true;
        return this;
    }

    @Override
    public boolean hasNext() {
        return todo > 0 || !done.isEmpty() || timedOut;
    }

    /** Waits, in the current task, for the next awaitable to be done and returns it. */
    @Override
    public Future<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        while (done.isEmpty() && !timedOut) {
            waiter = loop.createFuture();
            try {
                Aio.await(waiter);
            } finally {
                waiter = null;
            }
        }
        if (done.isEmpty()) {
            timedOut = false;
            throw new TimeoutException();
        }
        return done.pollFirst();
    }

    /** The timeout passed: stop following what is not done yet. */
    private void timedOut() {
        for (Future<T> f : futures) {
            if (!f.isDone()) {
                f.removeDoneCallback(onDone);
            }
        }
        todo = 0;
        stopped = true;
        timedOut = true;
        wake();
    }

    private void completed(Future<T> f) {
        if (stopped) {
            return;
        }
        todo--;
        done.addLast(f);
        if (todo == 0 && timer != null) {
            timer.cancel();
        }
        wake();
    }

    private void wake() {
        if (waiter != null) {
            waiter.trySetResult(null);
        }
    }
}
