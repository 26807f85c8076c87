package io.aio4j.internal.loop;

import io.aio4j.CancelledException;
import io.aio4j.Task;

/**
 * What the loop (and a monitor, {@code io.aio4j.internal.stats}) may do to or read of a
 * {@link Task} beyond its public API, granted by {@code Task} itself when it is initialised (the
 * JDK's "shared secrets" idiom): they live in other packages and must not see the task's
 * internals otherwise.
 */
public interface TaskAccess {
    /**
     * Ends a task that is pending while its loop closes: its body, if it started, gets
     * {@code reason} at its current or next await (and at every later one), so its
     * {@code finally} blocks run and its thread ends; its done callbacks are dropped.
     */
    void destroy(Task<?> task, CancelledException reason);

    /** The name of the task's coroutine, as its repr shows it ({@code Main.<lambda>}); for a monitor. Any thread. */
    String coroutineName(Task<?> task);

    /** The thread the task's body runs on (its raw stack says where a stuck task is); for a monitor. Any thread. */
    Thread thread(Task<?> task);

    /** The access, once {@link Task} is initialised. */
    static TaskAccess get() {
        return Holder.access;
    }

    /** Called once, by {@link Task}'s static initialiser. */
    static void set(TaskAccess access) {
        Holder.access = access;
    }

    /** Holds the access granted by {@link Task}. */
    final class Holder {
        private static volatile TaskAccess access;

        private Holder() {
        }
    }
}
