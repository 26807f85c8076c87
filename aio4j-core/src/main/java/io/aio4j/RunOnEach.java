package io.aio4j;

import io.aio4j.internal.Sneaky;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/** {@link Aio#runOnEachCore}'s wait: every main's result, or the first failure with the others cancelled. */
final class RunOnEach {
    private RunOnEach() {
    }

    static <T> List<T> allOrFirstFailure(List<CompletableFuture<T>> mains) {
        AtomicReference<Throwable> first = new AtomicReference<>();
        for (CompletableFuture<T> f : mains) {
            f.whenComplete((r, e) -> {
                if (e != null && first.compareAndSet(null, unwrap(e))) {
                    mains.forEach(other -> other.cancel(false));
                }
            });
        }
        List<T> results = new ArrayList<>(mains.size());
        boolean interrupted = false;
        for (CompletableFuture<T> f : mains) {
            while (true) {
                try {
                    results.add(f.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | CancellationException e) {
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable error = first.get();
        if (error != null) {
            throw Sneaky.raise(error);
        }
        return results;
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
