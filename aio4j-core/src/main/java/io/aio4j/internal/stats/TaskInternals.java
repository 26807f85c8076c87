package io.aio4j.internal.stats;

import io.aio4j.Task;
import java.util.function.Function;

/**
 * Read-only access to two private facts of a {@link Task} that a monitor shows and the public
 * API does not: the coroutine's name and the task's thread (whose raw stack says where a
 * stuck task is, JDK frames included). {@code Task} installs the accessors when its class is
 * initialised, so they are set before any task exists.
 */
public final class TaskInternals {
    private static volatile Function<Task<?>, String> coroutine;
    private static volatile Function<Task<?>, Thread> thread;

    private TaskInternals() {
    }

    /** Called once, by {@code Task}'s static initialiser. */
    public static void install(Function<Task<?>, String> coroutineName, Function<Task<?>, Thread> taskThread) {
        coroutine = coroutineName;
        thread = taskThread;
    }

    /** The name of the task's coroutine, as its repr shows it ({@code Main.<lambda>}). */
    public static String coroutine(Task<?> task) {
        return coroutine.apply(task);
    }

    /** The thread the task's body runs on. */
    public static Thread thread(Task<?> task) {
        return thread.apply(task);
    }
}
