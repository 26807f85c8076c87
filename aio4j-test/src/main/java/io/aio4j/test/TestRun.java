package io.aio4j.test;

import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * One {@link AioTest} run: the test body as the main task of a {@link TestLoop}, then the
 * checks that make the test fail (timeout, leftover tasks, exception-handler reports).
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
    private final double timeoutSeconds;
    private final List<ExceptionContext> reports = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean finished;
    private volatile boolean timedOut;

    TestRun(TestLoop loop, String name, double timeoutSeconds) {
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("@AioTest timeout <= 0 or NaN: " + timeoutSeconds);
        }
        this.loop = loop;
        this.name = name;
        this.timeoutSeconds = timeoutSeconds;
    }

    void run(Body body) throws Throwable {
        loop.setDebug(true);
        loop.setExceptionHandler((l, context) -> reports.add(context));
        Task<Void> main = loop.createTask(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                throw TestRun.<RuntimeException>sneaky(t);
            }
            return null;
        }, "AioTest " + name);
        Thread watchdog = Thread.ofPlatform().daemon().name("aio4j-test-watchdog").start(() -> watch(main));
        Throwable failure = null;
        try {
            loop.runUntilComplete(main);
        } catch (Throwable t) {
            failure = t;
        }
        if (timedOut) {
            failure = new AssertionFailedError(String.format(Locale.ROOT,
                    "@AioTest timed out after %.1f seconds of real time (the main task was cancelled)", timeoutSeconds), failure);
        }
        try {
            failure = add(failure, cancelLeftovers());
            failure = add(failure, shutDownExecutor());
        } finally {
            finished = true;
            watchdog.interrupt();
            loop.close();
        }
        failure = add(failure, reported());
        if (failure != null) {
            throw failure;
        }
    }

    /** On the watchdog thread: cancels the main task at the deadline, stops the loop if that is not enough. */
    private void watch(Task<Void> main) {
        try {
            Thread.sleep((long) Math.ceil(timeoutSeconds * 1000));
            if (finished) {
                return;
            }
            timedOut = true;
            loop.callSoonThreadsafe(() -> main.cancel("@AioTest timeout"));
            Thread.sleep((long) (CLEANUP_SECONDS * 1000));
            if (!finished) {
                loop.stop();
            }
        } catch (InterruptedException | IllegalStateException done) {
            // The test finished, or its loop was closed: nothing to do.
        }
    }

    private Throwable cancelLeftovers() {
        Set<Task<?>> left = loop.allTasks();
        if (left.isEmpty()) {
            return null;
        }
        String names = left.toString();
        for (Task<?> task : left) {
            task.cancel("left pending at the end of the test");
        }
        Future<Void> allDone = loop.createFuture();
        int[] pending = {left.size()};
        for (Task<?> task : left) {
            task.addDoneCallback(f -> {
                if (--pending[0] == 0) {
                    allDone.setResult(null);
                }
            });
        }
        loop.callLater(CLEANUP_SECONDS, () -> {
            allDone.trySetResult(null);
        });
        try {
            loop.runUntilComplete(allDone);
        } catch (RuntimeException stopped) {
            // The watchdog stopped a loop whose leftovers would not finish; they are named below anyway.
        }
        return new AssertionFailedError("tasks left pending at the end of the test (now cancelled): " + names);
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
            sb.append("\n  ").append(c.message());
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
}
