package io.aio4j.internal.debug;

import io.aio4j.CancelledException;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Task;
import java.lang.ref.WeakReference;
import java.util.Collection;

/**
 * "Task was destroyed but it is pending!": reported for every task still pending when its loop
 * closes, and (debug mode) for a pending task that is garbage collected.
 *
 * <p>The close-time report is the dependable one. Collection can only catch tasks whose body
 * never started (compatibility-mode tasks still queued when their loop was dropped): a started
 * task's virtual thread is held by the JDK's thread container until it terminates, and it holds
 * the task, so a task parked forever is never collected.
 */
public final class PendingTasks {
    static final String DESTROYED = "Task was destroyed but it is pending!";
    /** What a task pending at close gets at its await, and what its report carries as exception. */
    public static final String ENDED_AT_CLOSE =
            "the event loop was closed while the task was pending: its thread was ended with this exception";

    private PendingTasks() {
    }

    /**
     * Reports each of {@code pending} through {@code loop}'s exception handler (it is closing),
     * with {@code ending}, the exception that then ends each task's body (so the report says what
     * happened to it: asyncio runs a destroyed task's {@code finally} blocks too).
     */
    public static void reportAtClose(EventLoop loop, Collection<Task<?>> pending, CancelledException ending) {
        for (Task<?> task : pending) {
            loop.callExceptionHandler(ExceptionContext.forTask(DESTROYED, ending, task)
                    .withSourceTraceback(task.sourceTraceback()));
        }
    }

    /** Debug mode: watches a new task; returns what to run once it finishes (or was reported at close). */
    public static Runnable track(EventLoop loop, Task<?> task) {
        State state = new State(new WeakReference<>(loop), task.toString(), task.sourceTraceback());
        var cleanable = Reports.CLEANER.register(task, state);
        return () -> {
            state.finished = true;
            cleanable.clean();
        };
    }

    private static final class State implements Runnable {
        private final WeakReference<EventLoop> loop;
        private final String description;
        private final StackTraceElement[] source;
        volatile boolean finished;

        State(WeakReference<EventLoop> loop, String description, StackTraceElement[] source) {
            this.loop = loop;
            this.description = description;
            this.source = source;
        }

        @Override
        public void run() {
            if (finished) {
                return;
            }
            Reports.report(loop, ExceptionContext.of(DESTROYED + "\ntask: " + description, null)
                    .withSourceTraceback(source));
        }
    }
}
