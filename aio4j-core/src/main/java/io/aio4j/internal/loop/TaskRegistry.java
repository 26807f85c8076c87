package io.aio4j.internal.loop;

import io.aio4j.Task;
import io.aio4j.internal.debug.Jfr;
import io.aio4j.internal.debug.PendingTasks;
import io.aio4j.internal.stats.TaskHistory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks of one loop that are not done (asyncio's {@code _all_tasks}, per loop): what
 * {@code Aio.allTasks()}, {@code Aio.run}'s shutdown, task dumps, monitors and the close-time
 * "Task was destroyed but it is pending!" report read. In debug mode each pending task is also
 * watched by the garbage collector for the same report, and the Flight Recorder sees tasks come
 * and go; a running monitor ({@link TaskHistory}) sees them created.
 *
 * <p>Only the thread holding the loop adds and removes (a task registers while it is created and
 * unregisters as its last step ends). Any thread may take a {@link #snapshot()} without stopping
 * the loop and without a lock: the tasks form a chain whose forward links are volatile, and a
 * removed node keeps its forward link, so a reader standing on it walks on to the live ones. A
 * snapshot taken while the loop runs is weakly consistent (it may miss a task created meanwhile,
 * or show one that just finished) but it never fails.
 */
final class TaskRegistry {
    /** One registered task: the registration {@link Task} keeps, to unregister in O(1). */
    static final class Node {
        final Task<?> task;
        volatile Node next;
        Node prev;

        Node(Task<?> task) {
            this.task = task;
        }
    }

    private final LoopServices loop;
    private final Node head = new Node(null);
    private Node tail = head;
    private volatile int size;
    /** Debug mode: the garbage-collection watch of each pending task, run once it finishes. */
    private final Map<Task<?>, Runnable> pendingTrackers = new IdentityHashMap<>();

    TaskRegistry(LoopServices loop) {
        this.loop = loop;
    }

    /** Registers a new task as pending; returns its registration, for {@link #finished}. */
    Node created(Task<?> task) {
        Node n = new Node(task);
        n.prev = tail;
        tail.next = n;
        tail = n;
        size++;
        if (loop.isDebug()) {
            pendingTrackers.put(task, PendingTasks.track(loop, task));
        }
        if (Jfr.AVAILABLE) {
            Jfr.taskCreated(task);
        }
        TaskHistory.created(task);
        return n;
    }

    /** Unregisters the task of {@code n}, whose last step is ending (once). */
    void finished(Node n) {
        Node p = n.prev;
        if (p == null) {
            return;
        }
        Node after = n.next;
        p.next = after;
        if (after != null) {
            after.prev = p;
        } else {
            tail = p;
        }
        n.prev = null;
        size--;
        if (!pendingTrackers.isEmpty()) {
            Runnable tracker = pendingTrackers.remove(n.task);
            if (tracker != null) {
                tracker.run();
            }
        }
        if (Jfr.AVAILABLE) {
            Jfr.taskFinished(n.task);
        }
    }

    /** Whether no task is registered. */
    boolean isEmpty() {
        return size == 0;
    }

    /**
     * The registered tasks that are not done, in creation order. Any thread. The walk is bounded,
     * so a loop that creates tasks faster than a reader reads cannot keep it walking.
     */
    List<Task<?>> snapshot() {
        int expected = size;
        int limit = 2 * expected + 1024;
        List<Task<?>> out = new ArrayList<>(Math.min(expected, 1 << 16));
        for (Node n = head.next; n != null && limit-- > 0; n = n.next) {
            if (!n.task.isDone()) {
                out.add(n.task);
            }
        }
        return out;
    }

    /** The loop is closing: the debug watches of pending tasks end (the close-time report replaces them). */
    void closing() {
        pendingTrackers.values().forEach(Runnable::run);
        pendingTrackers.clear();
    }
}
