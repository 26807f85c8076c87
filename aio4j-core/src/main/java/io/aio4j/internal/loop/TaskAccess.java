package io.aio4j.internal.loop;

import io.aio4j.CancelledException;
import io.aio4j.Task;

/**
 * What the loop may do to a {@link Task} beyond its public API, granted by {@code Task} itself
 * when it is initialised (the JDK's "shared secrets" idiom): the loop lives in another package
 * and must not see the task's internals otherwise.
 */
public interface TaskAccess {
    /**
     * Ends a task that is pending while its loop closes: its body, if it started, gets
     * {@code reason} at its current or next await (and at every later one), so its
     * {@code finally} blocks run and its thread ends; its done callbacks are dropped.
     */
    void destroy(Task<?> task, CancelledException reason);

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
