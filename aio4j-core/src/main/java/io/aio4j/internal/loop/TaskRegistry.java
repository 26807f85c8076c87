package io.aio4j.internal.loop;

import io.aio4j.Task;
import io.aio4j.internal.debug.Jfr;
import io.aio4j.internal.debug.PendingTasks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks of one loop that are not done (asyncio's {@code _all_tasks}, per loop): what
 * {@code Aio.allTasks()}, {@code Aio.run}'s shutdown, task dumps and the close-time "Task was
 * destroyed but it is pending!" report read. In debug mode each pending task is also watched by
 * the garbage collector for the same report, and the Flight Recorder sees tasks come and go.
 *
 * <p>Written by the loop thread only (a task registers while it is created and unregisters as
 * its last step ends). {@link #allTasks()} may be called from another thread for a dump: the
 * copy is then best-effort and may throw {@link java.util.ConcurrentModificationException},
 * which such a caller retries.
 */
final class TaskRegistry {
    private final SelectorEventLoop loop;
    private final Set<Task<?>> live = new LinkedHashSet<>();
    /** Debug mode: the garbage-collection watch of each pending task, run once it finishes. */
    private final Map<Task<?>, Runnable> pendingTrackers = new IdentityHashMap<>();

    TaskRegistry(SelectorEventLoop loop) {
        this.loop = loop;
    }

    /** Registers a new task as pending. */
    void created(Task<?> task) {
        live.add(task);
        if (loop.isDebug()) {
            pendingTrackers.put(task, PendingTasks.track(loop, task));
        }
        if (Jfr.AVAILABLE) {
            Jfr.taskCreated(task);
        }
    }

    /** Unregisters a task whose last step is ending. */
    void finished(Task<?> task) {
        live.remove(task);
        if (!pendingTrackers.isEmpty()) {
            Runnable tracker = pendingTrackers.remove(task);
            if (tracker != null) {
                tracker.run();
            }
        }
        if (Jfr.AVAILABLE) {
            Jfr.taskFinished(task);
        }
    }

    /** The pending tasks, in creation order (a copy). */
    Set<Task<?>> allTasks() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(live));
    }

    /** The loop is closing: reports every task still pending (their watches end, the report is this one). */
    void reportPendingAtClose() {
        if (live.isEmpty()) {
            return;
        }
        List<Task<?>> pending = new ArrayList<>(live);
        pendingTrackers.values().forEach(Runnable::run);
        pendingTrackers.clear();
        PendingTasks.reportAtClose(loop, pending);
    }
}
