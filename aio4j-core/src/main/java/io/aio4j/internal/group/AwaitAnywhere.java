package io.aio4j.internal.group;

import io.aio4j.Aio;
import io.aio4j.internal.Sneaky;
import io.aio4j.internal.loop.LoopCore;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Waits for a {@link CompletableFuture} completed by another loop: a task suspends
 * ({@code Aio.await}); a plain thread blocks; a loop's callback cannot wait at all.
 */
public final class AwaitAnywhere {
    private AwaitAnywhere() {
    }

    /**
     * The result of {@code cf} (its exception rethrown as the same instance).
     *
     * @throws IllegalStateException from a loop's callback when {@code cf} is not done: waiting there
     *         would block the loop ({@code what} names the call)
     */
    public static <T> T await(CompletableFuture<T> cf, String what) {
        if (Aio.currentTask() != null) {
            return Aio.await(cf);
        }
        if (LoopCore.runningLoop() != null && !cf.isDone()) {
            throw new IllegalStateException(what + " called from a callback on a loop's thread: it would block the loop; "
                    + "call it from a task (it suspends the task) or from another thread");
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return cf.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw Sneaky.raise(unwrap(e.getCause()));
                } catch (CancellationException e) {
                    throw e;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The cause of a {@link CompletionException} (what {@code CompletableFuture} wraps), else {@code e}. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
