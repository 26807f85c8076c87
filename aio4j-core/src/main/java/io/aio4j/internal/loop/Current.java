package io.aio4j.internal.loop;

import io.aio4j.EventLoop;
import io.aio4j.Future;

/**
 * What the current thread is to aio4j: the loop it runs (on a loop's own thread), the task
 * it runs (on a task's thread), or nothing.
 */
public final class Current {
    private static final ThreadLocal<Object> SLOT = new ThreadLocal<>();

    private Current() {
    }

    /** The running loop or the current task ({@code io.aio4j.Task}), or null. */
    public static Object get() {
        return SLOT.get();
    }

    /** Marks the current thread as running {@code loopOrTask}. */
    public static void set(Object loopOrTask) {
        SLOT.set(loopOrTask);
    }

    /** Clears the mark. */
    public static void remove() {
        SLOT.remove();
    }

    /** The loop running on this thread (directly or through one of its tasks), or null. */
    public static EventLoop loop() {
        Object o = SLOT.get();
        if (o instanceof EventLoop loop) {
            return loop;
        }
        return o instanceof Future<?> task ? task.loop() : null;
    }
}
