package io.aio4j;

/** The body of {@link Aio#taskGroup}: async code that starts tasks in its {@link TaskGroup}. */
@FunctionalInterface
public interface TaskGroupBody<T> {
    /** Runs the body inside the group's scope, in the current task; the group waits for its tasks afterwards. */
    T run(TaskGroup group) throws Exception;
}
