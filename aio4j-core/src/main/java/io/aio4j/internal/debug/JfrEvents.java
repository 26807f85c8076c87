package io.aio4j.internal.debug;

import io.aio4j.Task;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** The event types behind {@link Jfr}; loaded only when the {@code jdk.jfr} module is present. */
final class JfrEvents {
    private JfrEvents() {
    }

    /** Registers the event types before their first use (tests start a recording first). */
    static void register() {
        FlightRecorder.register(SlowCallback.class);
        FlightRecorder.register(TaskCreated.class);
        FlightRecorder.register(TaskFinished.class);
        FlightRecorder.register(LoopLag.class);
    }

    static void taskCreated(Task<?> task) {
        TaskCreated e = new TaskCreated();
        if (e.shouldCommit()) {
            e.task = task.name();
            e.commit();
        }
    }

    static void taskFinished(Task<?> task) {
        TaskFinished e = new TaskFinished();
        if (e.shouldCommit()) {
            e.task = task.name();
            e.state = task.isCancelled() ? "cancelled" : "finished";
            e.commit();
        }
    }

    static void loopLag(Object loop, long lagNanos) {
        LoopLag e = new LoopLag();
        if (e.shouldCommit()) {
            e.loop = loop.toString();
            e.lag = lagNanos;
            e.commit();
        }
    }

    static void slowCallback(String callback, long nanos, StackTraceElement[] stuckAt) {
        SlowCallback e = new SlowCallback();
        if (e.shouldCommit()) {
            e.callback = callback;
            e.took = nanos;
            e.stuckAt = stuckAt == null || stuckAt.length == 0 ? null : stuckAt[0].toString();
            e.commit();
        }
    }

    @Name("aio4j.SlowCallback")
    @Label("Slow Callback")
    @Category("aio4j")
    @Description("A callback or task step held the event loop for at least slowCallbackDuration (debug mode)")
    @StackTrace(false)
    static final class SlowCallback extends Event {
        @Label("Callback")
        String callback;
        @Label("Took")
        @Timespan
        long took;
        @Label("Stuck At")
        String stuckAt;
    }

    @Name("aio4j.TaskCreated")
    @Label("Task Created")
    @Category("aio4j")
    static final class TaskCreated extends Event {
        @Label("Task")
        String task;
    }

    @Name("aio4j.TaskFinished")
    @Label("Task Finished")
    @Category("aio4j")
    @StackTrace(false)
    static final class TaskFinished extends Event {
        @Label("Task")
        String task;
        @Label("State")
        String state;
    }

    @Name("aio4j.LoopLag")
    @Label("Loop Lag")
    @Category("aio4j")
    @Description("How late a due timer was moved to the ready queue")
    @StackTrace(false)
    static final class LoopLag extends Event {
        @Label("Loop")
        String loop;
        @Label("Lag")
        @Timespan
        long lag;
    }
}
