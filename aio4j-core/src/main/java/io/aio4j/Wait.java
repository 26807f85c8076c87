package io.aio4j;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** asyncio.wait: waits for a set of futures until a condition or a timeout, and never throws on timeout. */
final class Wait {
    private Wait() {
    }

    static <T> Done<T> wait(Collection<? extends Future<T>> fs, double timeoutSeconds, ReturnWhen returnWhen) {
        Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(returnWhen, "returnWhen");
        if (Double.isNaN(timeoutSeconds)) {
            throw new IllegalArgumentException("Invalid timeout: NaN (not a number)");
        }
        if (fs.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        Set<Future<T>> futures = new LinkedHashSet<>(fs);
        EventLoop loop = Aio.getRunningLoop();
        Future<Void> waiter = loop.createFuture();
        Runnable release = () -> {
            waiter.trySetResult(null);
        };
        TimerHandle timer = timeoutSeconds == Double.POSITIVE_INFINITY ? null : loop.callLater(timeoutSeconds, release);
        int[] counter = {futures.size()};
        Consumer<Future<T>> onCompletion = f -> {
            counter[0]--;
            if (counter[0] <= 0 || returnWhen == ReturnWhen.FIRST_COMPLETED
                    || returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.isCancelled() && f.exception() != null) {
                if (timer != null) {
                    timer.cancel();
                }
                release.run();
            }
        };
        for (Future<T> f : futures) {
            f.addDoneCallback(onCompletion);
        }
        try {
            Aio.await(waiter);
        } finally {
            if (timer != null) {
                timer.cancel();
            }
            for (Future<T> f : futures) {
                f.removeDoneCallback(onCompletion);
            }
        }
        Set<Future<T>> done = new LinkedHashSet<>();
        Set<Future<T>> pending = new LinkedHashSet<>();
        for (Future<T> f : futures) {
            (f.isDone() ? done : pending).add(f);
        }
        return new Done<>(done, pending);
    }
}
