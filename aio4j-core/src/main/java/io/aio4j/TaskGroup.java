package io.aio4j;

import io.aio4j.internal.Sneaky;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * asyncio's {@code TaskGroup}: structured concurrency. Tasks started with {@link #createTask}
 * inside {@link Aio#taskGroup} are all done when {@code taskGroup} returns.
 *
 * <pre>{@code
 *   List<String> pages = Aio.taskGroup(g -> {
 *       Task<String> a = g.createTask(() -> fetch("a"));
 *       Task<String> b = g.createTask(() -> fetch("b"));
 *       return List.of(a, b);
 *   }).stream().map(Task::result).toList();   // both done here
 * }</pre>
 *
 * <p>The first task that fails (other than by cancellation) cancels the other tasks and the
 * body; when all are done, {@code taskGroup} throws an {@link ExceptionGroup}
 * {@code "unhandled errors in a TaskGroup"} of every failure, the body's own included. The
 * cancellation the group made of its parent task is taken back ({@link Task#uncancel()}), so
 * the parent's {@link Task#cancelling()} is as before. A cancellation of the parent from
 * outside cancels the tasks and propagates as {@link CancelledException} once they are done.
 * Use it on the loop thread only.
 */
public final class TaskGroup {
    private final EventLoop loop;
    private final Task<?> parent;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private boolean exiting;
    private boolean aborting;
    private boolean parentCancelRequested;
    private Throwable baseError;
    private Future<Boolean> onCompleted;

    private TaskGroup(Task<?> parent) {
        this.parent = parent;
        this.loop = parent.loop();
    }

    /**
     * Starts {@code body} as a task of the group.
     *
     * @throws IllegalStateException {@code "TaskGroup <…> is finished"} after the group ended,
     *     {@code "TaskGroup <…> is shutting down"} once a failure or cancellation is aborting it
     */
    public <T> Task<T> createTask(AsyncCallable<T> body) {
        return createTask(body, null);
    }

    /** {@link #createTask(AsyncCallable)} with a task name ({@code null}: {@code Task-N}). */
    public <T> Task<T> createTask(AsyncCallable<T> body, String name) {
        Objects.requireNonNull(body, "body");
        if (exiting && tasks.isEmpty()) {
            throw new IllegalStateException("TaskGroup " + this + " is finished");
        }
        if (aborting) {
            throw new IllegalStateException("TaskGroup " + this + " is shutting down");
        }
        Task<T> task = loop.createTask(body, name);
        if (task.isDone()) {
            // An eager task may be done already.
            onTaskDone(task);
        } else {
            tasks.add(task);
            task.addDoneCallback(this::onTaskDone);
        }
        return task;
    }

    /** asyncio's repr: {@code <TaskGroup tasks=2 errors=1 cancelling>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<TaskGroup");
        if (!tasks.isEmpty()) {
            sb.append(" tasks=").append(tasks.size());
        }
        if (!errors.isEmpty()) {
            sb.append(" errors=").append(errors.size());
        }
        sb.append(aborting ? " cancelling" : " entered");
        return sb.append('>').toString();
    }

    /** Aio.taskGroup: runs {@code body} with a new group in the current task, then waits for the group's tasks. */
    static <T> T run(TaskGroupBody<T> body) {
        Objects.requireNonNull(body, "body");
        Task<?> parent = Aio.currentTask();
        if (parent == null) {
            throw new IllegalStateException("TaskGroup cannot determine the parent task");
        }
        TaskGroup group = new TaskGroup(parent);
        T result = null;
        Throwable error = null;
        try {
            result = body.run(group);
        } catch (Throwable t) {
            error = t;
        }
        Throwable raised = group.exit(error);
        if (raised != null) {
            throw Sneaky.raise(raised);
        }
        return result;
    }

    /** asyncio's {@code TaskGroup._aexit}; returns what to raise, or null. */
    private Throwable exit(Throwable error) {
        exiting = true;
        if (error != null && isBaseError(error) && baseError == null) {
            baseError = error;
        }
        // A body in a JDK blocking call got the group's cancellation as an interrupt: its answer counts as one.
        CancelledException bodyCancelled = parent.cancellationOf(error);
        Throwable propagateCancellation = bodyCancelled;
        if (error != null && !aborting) {
            // The parent is being cancelled, or the body failed: stop the tasks.
            abort();
        }
        while (!tasks.isEmpty()) {
            if (onCompleted == null) {
                onCompleted = loop.createFuture();
            }
            try {
                Aio.await(onCompleted);
            } catch (CancelledException e) {
                if (!aborting) {
                    // The parent was cancelled while waiting for the tasks.
                    propagateCancellation = e;
                    abort();
                }
            }
            onCompleted = null;
        }
        if (baseError != null) {
            return baseError;
        }
        if (parentCancelRequested && parent.uncancel() == 0) {
            // The only cancellation pending was our own: do not propagate it.
            propagateCancellation = null;
        }
        if (propagateCancellation != null && errors.isEmpty()) {
            return propagateCancellation;
        }
        if (error != null && bodyCancelled == null) {
            errors.add(error);
        }
        if (!errors.isEmpty()) {
            if (parent.cancelling() > 0) {
                // Cancelled from outside as well: keep its count stable, and the request delivered.
                parent.uncancel();
                parent.cancel();
            }
            return new ExceptionGroup("unhandled errors in a TaskGroup", errors);
        }
        return null;
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : tasks) {
            if (!t.isDone()) {
                t.cancel();
            }
        }
    }

    private void onTaskDone(Future<?> task) {
        tasks.remove(task);
        if (onCompleted != null && tasks.isEmpty()) {
            onCompleted.trySetResult(true);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable exc = task.exception();
        if (exc == null) {
            return;
        }
        errors.add(exc);
        if (isBaseError(exc) && baseError == null) {
            baseError = exc;
        }
        if (parent.isDone()) {
            loop.callExceptionHandler(ExceptionContext.forTask("Task " + task + " has errored out but its parent task "
                    + parent + " is already completed", exc, (Task<?>) task));
            return;
        }
        if (!aborting && !parentCancelRequested) {
            // Interrupt whatever the body is waiting for; exit() takes this cancellation back.
            abort();
            parentCancelRequested = true;
            parent.cancel();
        }
    }

    /** Python's SystemExit/KeyboardInterrupt: errors the JVM cannot recover from are raised as they are. */
    private static boolean isBaseError(Throwable t) {
        return t instanceof VirtualMachineError;
    }
}
