package io.aio4j.internal.loop;

import io.aio4j.EventLoop;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;

/**
 * What the current thread is to aio4j: the loop it runs (on a loop's own thread: the loop users
 * hold), the task it runs (on a task's thread), or nothing. {@link LoopCore#runningLoop()} reads
 * the loop from either.
 *
 * <p>A thread-local holds it, except on a native-mode task's virtual thread: there the thread's
 * scheduler, the task's strand, is a {@link Slot} that holds it. A thread-local would give every
 * task's thread a map of its own (136 bytes per parked task, a tenth of its whole footprint).
 */
public final class Current {
    private static final ThreadLocal<Object> SLOT = new ThreadLocal<>();
    /** {@code VirtualThread.scheduler}: readable in native mode ({@code java.lang} open), else null. */
    private static final VarHandle SCHEDULER = schedulerField();

    private Current() {
    }

    /**
     * A virtual thread's scheduler that keeps the current mark of its own thread (native mode's
     * strand), in place of the thread-local.
     */
    public interface Slot {
        /** The mark of {@code thread} if it is this scheduler's own thread, else null. */
        Object currentOf(Thread thread);
    }

    /** The running loop ({@code io.aio4j.EventLoop}) or the current task ({@code io.aio4j.Task}), or null. */
    public static Object get() {
        Thread t = Thread.currentThread();
        if (SCHEDULER != null && t.isVirtual() && SCHEDULER.get(t) instanceof Slot slot) {
            Object mark = slot.currentOf(t);
            if (mark != null) {
                return mark;
            }
        }
        return SLOT.get();
    }

    /** Whether a {@link Slot} scheduler's marks are seen by {@link #get()} in this JVM. */
    public static boolean slotsWork() {
        return SCHEDULER != null;
    }

    private static VarHandle schedulerField() {
        try {
            Class<?> vt = Class.forName("java.lang.VirtualThread");
            VarHandle h = MethodHandles.privateLookupIn(vt, MethodHandles.lookup())
                    .findVarHandle(vt, "scheduler", java.util.concurrent.Executor.class);
            return h;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Where the current thread makes a call that may block on a lock the running loop's tasks use
     * (a log handler's): on a native loop's own thread, a virtual thread of that loop, so that the
     * call never blocks the thread the tasks need (see {@code BlockingCalls}); null on any other
     * thread (call directly).
     */
    public static Executor blockingCallsHere() {
        if (!Thread.currentThread().isVirtual() && SLOT.get() instanceof EventLoop loop
                && LoopCore.of(loop) instanceof LoopServices engine) {
            return engine.threads.blockingCallsHere();
        }
        return null;
    }

    /** Marks the current thread as running {@code loopOrTask}. */
    public static void set(Object loopOrTask) {
        SLOT.set(loopOrTask);
    }

    /** Clears the mark. */
    public static void remove() {
        SLOT.remove();
    }
}
