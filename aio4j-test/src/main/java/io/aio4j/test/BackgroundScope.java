package io.aio4j.test;

import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.Task;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A {@link TestLoop}'s tasks for work that runs alongside the test, kotlinx-coroutines-test's
 * {@code backgroundScope}: a server, a consumer, a heartbeat. Tasks that a background task
 * creates belong to the scope too.
 *
 * <ul>
 *   <li>{@code @AioTest} cancels the scope's tasks that are still pending at the end of the test
 *       (after its {@code @AfterEach} methods) and waits for them, instead of failing the test
 *       for "tasks left pending". A background task that failed still fails the test (its
 *       exception was never retrieved), unless the test retrieved it.</li>
 *   <li>{@link TestLoop#advanceUntilIdle()} does not wait for their timers, so an endless
 *       {@code while (true) { Aio.sleep(1); … }} in the background does not keep it running.</li>
 * </ul>
 *
 * <p>Loop thread, like {@link io.aio4j.EventLoop#createTask}.
 */
public final class BackgroundScope {
    private final TestLoop loop;
    /** The scope's tasks that are not done. */
    private final Set<Task<?>> tasks = Collections.newSetFromMap(new WeakHashMap<>());

    BackgroundScope(TestLoop loop) {
        this.loop = loop;
    }

    /** A background task running {@code body}, started on the loop's next iteration. */
    public <T> Task<T> createTask(AsyncCallable<T> body) {
        return createTask(body, null);
    }

    /** {@link #createTask(AsyncCallable)} with a name ({@code null}: {@code Task-N}). */
    public <T> Task<T> createTask(AsyncCallable<T> body, String name) {
        return adopt(loop.createTask(body, name));
    }

    /** {@link #createTask(AsyncCallable)} for a body without a result. */
    public Task<Void> createTask(AsyncRunnable body) {
        return createTask(body, null);
    }

    /** {@link #createTask(AsyncCallable, String)} for a body without a result. */
    public Task<Void> createTask(AsyncRunnable body, String name) {
        return adopt(loop.createTask(body, name));
    }

    /** The scope's tasks that are not done, in no particular order (a copy). */
    public Set<Task<?>> tasks() {
        synchronized (tasks) {
            Set<Task<?>> copy = new LinkedHashSet<>();
            for (Task<?> t : tasks) {
                if (!t.isDone()) {
                    copy.add(t);
                }
            }
            return copy;
        }
    }

    /** Whether {@code task} belongs to the scope (and is not done). */
    public boolean contains(Task<?> task) {
        synchronized (tasks) {
            return tasks.contains(task);
        }
    }

    /** Makes {@code task} a background task. */
    <T> Task<T> adopt(Task<T> task) {
        if (!task.isDone()) {
            synchronized (tasks) {
                tasks.add(task);
            }
            task.addDoneCallback(f -> {
                synchronized (tasks) {
                    tasks.remove(task);
                }
            });
        }
        return task;
    }

    @Override
    public String toString() {
        return "<BackgroundScope of " + loop + " tasks=" + tasks().size() + ">";
    }
}
