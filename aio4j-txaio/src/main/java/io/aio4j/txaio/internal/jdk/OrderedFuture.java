package io.aio4j.txaio.internal.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The JDK backend's native future: a {@code CompletableFuture} whose txaio callbacks run in
 * registration order (a plain one runs its dependents last-registered first).
 */
final class OrderedFuture<T> extends CompletableFuture<T> {
    private final Executor loop;
    private List<Runnable> pending = new ArrayList<>(2);

    OrderedFuture(Executor loop) {
        this.loop = loop;
        super.whenComplete((value, error) -> fire());
    }

    /** Runs {@code action} on the loop once this future is done, after the actions registered before it. */
    void onDone(Runnable action) {
        synchronized (this) {
            if (pending != null) {
                pending.add(action);
                return;
            }
        }
        loop.execute(action);
    }

    private void fire() {
        List<Runnable> actions;
        synchronized (this) {
            actions = pending;
            pending = null;
        }
        for (Runnable action : actions) {
            loop.execute(action);
        }
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
