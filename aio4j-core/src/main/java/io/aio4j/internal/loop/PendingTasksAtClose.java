package io.aio4j.internal.loop;

import io.aio4j.CancelledException;
import io.aio4j.Future;
import io.aio4j.Handle;
import io.aio4j.Task;
import io.aio4j.internal.debug.PendingTasks;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * {@code close()} with tasks still pending. asyncio's loop drops them and its garbage collector
 * later closes their coroutines, running their {@code finally} blocks; a task's virtual thread
 * is never collected, so aio4j ends them at close instead: it reports each ("Task was destroyed
 * but it is pending!", with the exception it is ended with), then, on the closing thread (which
 * holds the loop meanwhile, so the single-thread rule still holds), gives each body a
 * {@link CancelledException} at its await and runs the tasks' steps (not the loop's callbacks)
 * until they are all done. Their {@code finally} blocks run; their further awaits throw at once;
 * loop calls throw "Event loop is closed". A body still in a JDK blocking call after
 * {@link #BOUND_NANOS} ends later, off the loop (see {@link SelectorEventLoop#execute}).
 */
final class PendingTasksAtClose {
    /** How long close() waits for pending tasks to end (a body may sit in a JDK blocking call). */
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(1);

    private PendingTasksAtClose() {
    }

    /** Reports and ends {@code pending}, tasks of {@code loop}, whose steps arrive in {@code ready} and {@code remote}. */
    static void end(SelectorEventLoop loop, LoopThreads threads, List<Task<?>> pending, ArrayDeque<Runnable> ready,
            ThreadsafeQueue remote, Consumer<Runnable> runOne) {
        CancelledException reason = new CancelledException(PendingTasks.ENDED_AT_CLOSE);
        PendingTasks.reportAtClose(loop, pending, reason);
        // A native-mode task can only be mounted on a platform thread.
        boolean here = !(threads.nativeMode() && Thread.currentThread().isVirtual());
        if (here) {
            threads.enter();
        }
        try {
            for (Task<?> task : pending) {
                TaskAccess.get().destroy(task, reason);
            }
            if (here) {
                runStepsUntilDone(pending, ready, remote, runOne);
            }
        } finally {
            if (here) {
                threads.exit();
            }
        }
    }

    private static void runStepsUntilDone(List<Task<?>> pending, ArrayDeque<Runnable> ready, ThreadsafeQueue remote,
            Consumer<Runnable> runOne) {
        long deadline = System.nanoTime() + BOUND_NANOS;
        while (true) {
            remote.drainTo(ready);
            for (int n = ready.size(); n > 0; n--) {
                Runnable r = ready.pollFirst();
                if (!(r instanceof Handle)) {
                    runOne.accept(r);
                }
            }
            if (pending.stream().allMatch(Future::isDone) || System.nanoTime() - deadline > 0) {
                return;
            }
            if (ready.isEmpty() && remote.isEmpty()) {
                // A body in a JDK blocking call: its next step comes from another thread.
                LockSupport.parkNanos(PendingTasksAtClose.class, TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }
}
