package io.aio4j.internal.group;

import io.aio4j.Aio;
import io.aio4j.AsyncCallable;
import io.aio4j.CancelledException;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Task;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.LoopCore;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.internal.net.GroupServer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * One loop of a group and the platform thread that runs it, from start to close, and the loop's
 * part of a graceful shutdown ({@link #drain}), which runs on the loop itself.
 */
final class GroupLoop {
    /** What a task still pending at the shutdown's timeout is cancelled with, and reported with. */
    static final String CANCELLED_AT_SHUTDOWN = "Task was cancelled at LoopGroup shutdown: still pending after the timeout";
    /** What a submitted body's future ends with when its task had to be ended by the loop's close. */
    static final String ENDED_AT_CLOSE = "the task was still pending when its loop closed at LoopGroup shutdown";
    /** How often a draining loop looks at its pending tasks (seconds). */
    private static final double CHECK_EVERY = 0.01;
    /** How long cancelled tasks get to end before the loop closes (and close() ends the rest). */
    private static final double CANCEL_GRACE = 1;

    private final EventLoop loop;
    private final LoopCore core;
    private final Thread thread;
    private final Runnable onClosed;
    private final Set<CompletableFuture<?>> handedOut = ConcurrentHashMap.newKeySet();
    /** The group's servers, whose connections on this loop are closed as it finishes draining. */
    private final Supplier<Collection<GroupServer>> servers;
    /** Set on the loop's thread when its drain is over: runForever returns for good. */
    private boolean drained;
    private volatile double executorTimeout = 300;

    GroupLoop(String threadName, CountDownLatch started, Runnable onClosed, Supplier<Collection<GroupServer>> servers) {
        this.loop = LoopCore.newEventLoop(false);
        this.core = LoopCore.require(loop);
        this.onClosed = onClosed;
        this.servers = servers;
        loop.callSoon(started::countDown);
        this.thread = Thread.ofPlatform().name(threadName).unstarted(this::run);
    }

    /**
     * {@code body} as a task of this loop, its outcome in the returned future; one still pending when
     * the loop closes (its task destroyed by the close) is completed then with a {@link CancelledException}.
     */
    <T> CompletableFuture<T> submit(AsyncCallable<T> body) {
        CompletableFuture<T> cf = Aio.runCoroutineThreadsafe(body, loop);
        handedOut.add(cf);
        cf.whenComplete((r, e) -> handedOut.remove(cf));
        return cf;
    }

    void start() {
        thread.start();
    }

    EventLoop loop() {
        return loop;
    }

    Thread thread() {
        return thread;
    }

    /** Whether the current thread is this loop's (its thread, or one of its tasks). */
    boolean isCurrent() {
        return core.inLoopThread() || Thread.currentThread() == thread;
    }

    private void run() {
        try {
            // loop.stop() called by someone else must not end a group's loop: only its drain does.
            do {
                loop.runForever();
            } while (!drained);
            loop.runUntilComplete(loop.shutdownDefaultExecutor(executorTimeout));
        } catch (RuntimeException | Error e) {
            AioLogger.LOG.log(System.Logger.Level.ERROR, "loop thread " + thread.getName() + " failed", e);
        } finally {
            try {
                loop.close();
            } finally {
                for (CompletableFuture<?> cf : List.copyOf(handedOut)) {
                    cf.completeExceptionally(new CancelledException(ENDED_AT_CLOSE));
                }
                onClosed.run();
            }
        }
    }

    /**
     * Starts this loop's part of a shutdown, from any thread: on the loop, waits until it has had no
     * pending task for {@code quiet} seconds or {@code timeout} seconds passed, cancels what is left,
     * and stops the loop (its thread then closes it).
     */
    void drain(double quiet, double timeout) {
        executorTimeout = Math.max(timeout, 1);
        loop.callSoonThreadsafe(() -> new Drain(quiet, loop.time() + timeout).check());
    }

    /** The shutdown's state on one loop; every method runs on the loop. */
    private final class Drain {
        private final double quiet;
        private final double deadline;
        private double idleSince = Double.NaN;
        private double cancelDeadline = Double.NaN;

        Drain(double quiet, double deadline) {
            this.quiet = quiet;
            this.deadline = deadline;
        }

        void check() {
            double now = loop.time();
            List<Task<?>> pending = core.tasks().pending();
            if (!Double.isNaN(cancelDeadline)) {
                if (pending.isEmpty() || now >= cancelDeadline) {
                    stopWhenIdle();
                } else {
                    loop.callLater(CHECK_EVERY, this::check);
                }
                return;
            }
            if (pending.isEmpty()) {
                if (Double.isNaN(idleSince)) {
                    idleSince = now;
                }
                if (now - idleSince >= quiet) {
                    stopWhenIdle();
                    return;
                }
            } else {
                idleSince = Double.NaN;
                if (now >= deadline) {
                    cancelLeft(pending);
                }
            }
            loop.callLater(Math.min(CHECK_EVERY, Math.max(quiet, 0.001)), this::check);
        }

        private void cancelLeft(List<Task<?>> pending) {
            for (Task<?> task : pending) {
                CancelledException reason = new CancelledException(CANCELLED_AT_SHUTDOWN);
                loop.callExceptionHandler(ExceptionContext.forTask(CANCELLED_AT_SHUTDOWN, reason, task)
                        .withSourceTraceback(task.sourceTraceback()));
                task.cancel(CANCELLED_AT_SHUTDOWN);
            }
            cancelDeadline = loop.time() + CANCEL_GRACE;
        }

        /**
         * Closes the group's connections on this loop (flushing what they still have to write), then
         * stops the loop once they are gone and nothing is queued behind this callback (a done task's
         * callbacks, a hand-over to a {@code CompletableFuture}): stopping drops what is still queued.
         */
        private void stopWhenIdle() {
            int open = 0;
            for (GroupServer s : servers.get()) {
                open += s.closeClientsOn(loop);
            }
            boolean busy = open > 0 || SelectorEventLoop.of(loop).hasPendingWork();
            if (busy && loop.time() < deadline + CANCEL_GRACE) {
                loop.callLater(CHECK_EVERY, this::check);
                return;
            }
            drained = true;
            loop.stop();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "<GroupLoop %s %s>", thread.getName(), loop);
    }
}
