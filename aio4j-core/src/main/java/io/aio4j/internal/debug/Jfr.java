package io.aio4j.internal.debug;

import io.aio4j.Task;

/**
 * aio4j's JDK Flight Recorder events: {@code aio4j.SlowCallback}, {@code aio4j.TaskCreated},
 * {@code aio4j.TaskFinished}, {@code aio4j.LoopLag}. They cost a disabled-event check unless a
 * recording enables them ({@code jcmd <pid> JFR.start}, {@code -XX:StartFlightRecording}).
 * The {@code jdk.jfr} module is optional ({@code requires static}): without it, nothing is emitted.
 *
 * <p>Known limit (JDK 25, native mode): some events committed on a loop thread after
 * loop-scheduled virtual threads have run on it never reach the recording (seen with
 * {@code TaskCreated} for tasks created from outside a task). {@code SlowCallback}, which would
 * almost always hit it, is therefore committed by the watchdog thread; events committed on a
 * task's own thread ({@code TaskFinished}, {@code TaskCreated} from a task) are not affected.
 */
public final class Jfr {
    /** Whether the {@code jdk.jfr} module is present at run time. */
    public static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    private Jfr() {
    }

    /** A task was created (call only if {@link #AVAILABLE}). */
    public static void taskCreated(Task<?> task) {
        JfrEvents.taskCreated(task);
    }

    /** A task finished (call only if {@link #AVAILABLE}). */
    public static void taskFinished(Task<?> task) {
        JfrEvents.taskFinished(task);
    }

    /** A due timer ran {@code lagNanos} late (call only if {@link #AVAILABLE}). */
    public static void loopLag(Object loop, long lagNanos) {
        JfrEvents.loopLag(loop, lagNanos);
    }

    static void slowCallback(String callback, long nanos, StackTraceElement[] stuckAt) {
        JfrEvents.slowCallback(callback, nanos, stuckAt);
    }
}
