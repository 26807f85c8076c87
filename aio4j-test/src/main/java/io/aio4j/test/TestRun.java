package io.aio4j.test;

import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * One {@link AioTest} run on its {@link TestLoop}: each method of the test ({@code @BeforeEach},
 * the test, {@code @AfterEach}) as a main task of the loop, then, at {@link #finish()}, the
 * checks that make the test fail (leftover tasks, exception-handler reports, reports owed by
 * unfinished objects) and the loop's close.
 */
final class TestRun {
    /** The body of a test method, as JUnit hands it over. */
    @FunctionalInterface
    interface Body {
        void run() throws Throwable;
    }

    /** Real seconds given to leftover tasks and the default executor to finish once cancelled. */
    private static final double CLEANUP_SECONDS = 5;

    private final TestLoop loop;
    private final String name;
    private final List<ExceptionContext> reports = Collections.synchronizedList(new ArrayList<>());
    private boolean finished;

    TestRun(TestLoop loop, String name) {
        this.loop = loop;
        this.name = name;
        loop.setDebug(true);
        loop.setExceptionHandler((l, context) -> reports.add(context));
    }

    TestLoop loop() {
        return loop;
    }

    /**
     * Runs {@code body} as the main task of the loop ({@code what} names it), cancelled after
     * {@code timeoutSeconds} of real time; throws what the body threw, or the timeout.
     */
    void runMethod(String what, double timeoutSeconds, Body body) throws Throwable {
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("@AioTest timeout <= 0 or NaN: " + timeoutSeconds);
        }
        if (finished) {
            throw new IllegalStateException("the test's loop is closed already: " + name);
        }
        Task<Void> main = loop.createTask(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                throw TestRun.<RuntimeException>sneaky(t);
            }
        }, "AioTest " + what);
        Watchdog watchdog = new Watchdog(main, timeoutSeconds);
        Throwable failure = null;
        try {
            loop.runUntilComplete(main);
        } catch (Throwable t) {
            failure = t;
        } finally {
            watchdog.done();
        }
        if (watchdog.timedOut) {
            failure = new AssertionFailedError(String.format(Locale.ROOT,
                    "@AioTest timed out after %.1f seconds of real time (the main task was cancelled)", timeoutSeconds), failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * The end of the test: cancels what is left (leftover tasks fail the test, background tasks
     * do not), shuts the default executor down, forces the reports owed by unfinished objects,
     * closes the loop, and throws the failure if anything went wrong.
     */
    void finish() throws Throwable {
        if (finished) {
            return;
        }
        finished = true;
        Throwable failure = null;
        try {
            if (!loop.isRunning()) {
                failure = add(failure, cancelLeftovers());
                cancelBackground();
                failure = add(failure, shutDownExecutor());
                loop.reportUnfinished();
            }
        } finally {
            if (!loop.isRunning()) {
                loop.close();
            }
        }
        failure = add(failure, reported());
        if (failure != null) {
            throw failure;
        }
    }

    /** Cancels the pending tasks that are not background tasks; the failure that names them, or null. */
    private Throwable cancelLeftovers() {
        Set<Task<?>> left = new LinkedHashSet<>(loop.pendingTasks());
        left.removeIf(loop.backgroundScope()::contains);
        if (left.isEmpty()) {
            return null;
        }
        String names = left.toString();
        cancelAndWait(left, "left pending at the end of the test");
        return new AssertionFailedError("tasks left pending at the end of the test (now cancelled): " + names);
    }

    private void cancelBackground() {
        Set<Task<?>> background = loop.backgroundScope().tasks();
        if (!background.isEmpty()) {
            cancelAndWait(background, "background task at the end of the test");
        }
    }

    private void cancelAndWait(Set<Task<?>> tasks, String message) {
        for (Task<?> task : tasks) {
            task.cancel(message);
        }
        Future<Void> allDone = loop.createFuture();
        int[] pending = {tasks.size()};
        for (Task<?> task : tasks) {
            task.addDoneCallback(f -> {
                if (--pending[0] == 0) {
                    allDone.trySetResult(null);
                }
            });
        }
        Watchdog watchdog = new Watchdog(null, CLEANUP_SECONDS);
        try {
            loop.runUntilComplete(allDone);
        } catch (RuntimeException stopped) {
            // The watchdog stopped a loop whose tasks would not finish; the leftovers are named anyway.
        } finally {
            watchdog.done();
        }
    }

    private Throwable shutDownExecutor() {
        try {
            loop.runUntilComplete(loop.shutdownDefaultExecutor(CLEANUP_SECONDS));
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private Throwable reported() {
        List<ExceptionContext> copy;
        synchronized (reports) {
            copy = List.copyOf(reports);
        }
        if (copy.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("the loop's exception handler was called during the test:");
        for (ExceptionContext c : copy) {
            sb.append("\n  ").append(c.message().replace("\n", "\n    "));
            if (c.exception() != null) {
                sb.append(" (").append(c.exception()).append(')');
            }
        }
        AssertionFailedError error = new AssertionFailedError(sb.toString());
        for (ExceptionContext c : copy) {
            if (c.exception() != null) {
                error.addSuppressed(c.exception());
            }
        }
        return error;
    }

    private static Throwable add(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        if (next != null && next != first) {
            first.addSuppressed(next);
        }
        return first;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /**
     * A real-time limit on one run of the loop: at the deadline it cancels {@code main} (if any),
     * and stops the loop {@link #CLEANUP_SECONDS} later if the run still has not ended.
     */
    private final class Watchdog {
        private final Task<Void> main;
        private final double seconds;
        private final Thread thread;
        private volatile boolean done;
        volatile boolean timedOut;

        Watchdog(Task<Void> main, double seconds) {
            this.main = main;
            this.seconds = seconds;
            this.thread = Thread.ofPlatform().daemon().name("aio4j-test-watchdog").start(this::watch);
        }

        void done() {
            done = true;
            thread.interrupt();
        }

        private void watch() {
            try {
                if (main != null) {
                    Thread.sleep((long) Math.ceil(Math.min(seconds, 1e15) * 1000));
                    if (done) {
                        return;
                    }
                    timedOut = true;
                    loop.callSoonThreadsafe(() -> main.cancel("@AioTest timeout"));
                }
                Thread.sleep((long) (CLEANUP_SECONDS * 1000));
                if (!done) {
                    loop.stop();
                }
            } catch (InterruptedException | IllegalStateException over) {
                // The run ended, or the loop was closed: nothing to do.
            }
        }
    }
}
