package io.aio4j;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * asyncio.as_completed, iterated in a task: {@code next()} waits until one more of the
 * awaitables is done and returns it (the original future; a coroutine's task).
 */
final class AsCompleted<T> implements Iterable<Future<T>>, Iterator<Future<T>> {
    private final EventLoop loop;
    private final ArrayDeque<Future<T>> done = new ArrayDeque<>();
    private int todo;
    private Future<Void> waiter;
    private boolean iterated;

    AsCompleted(Collection<? extends Awaitable<T>> aws) {
        Objects.requireNonNull(aws, "aws");
        EventLoop l = Aio.getRunningLoop();
        Set<Future<T>> futures = new LinkedHashSet<>();
        for (Awaitable<T> aw : aws) {
            futures.add(Aio.ensureFuture(aw, l));
        }
        this.loop = l;
        this.todo = futures.size();
        for (Future<T> f : futures) {
            f.addDoneCallback(this::completed);
        }
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
        return todo > 0 || !done.isEmpty();
    }

    /** Waits, in the current task, for the next awaitable to be done and returns it. */
    @Override
    public Future<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        while (done.isEmpty()) {
            waiter = loop.createFuture();
            try {
                Aio.await(waiter);
            } finally {
                waiter = null;
            }
        }
        return done.pollFirst();
    }

    private void completed(Future<T> f) {
        todo--;
        done.addLast(f);
        if (waiter != null) {
            waiter.trySetResult(null);
        }
    }
}
