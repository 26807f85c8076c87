package io.aio4j.internal.loop;

/**
 * What the current thread is to aio4j: the loop it runs (on a loop's own thread: the loop users
 * hold), the task it runs (on a task's thread), or nothing. {@link LoopCore#runningLoop()} reads
 * the loop from either.
 */
public final class Current {
    private static final ThreadLocal<Object> SLOT = new ThreadLocal<>();

    private Current() {
    }

    /** The running loop ({@code io.aio4j.EventLoop}) or the current task ({@code io.aio4j.Task}), or null. */
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
}
