package io.aio4j.internal.loop;

import io.aio4j.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The tasks of one loop that are not done yet, in creation order: asyncio's {@code _all_tasks}
 * for one loop.
 *
 * <p>Only the thread holding the loop adds and removes; any thread may take a
 * {@link #snapshot()} (task dumps, the monitor) without stopping the loop and without a lock:
 * the tasks form a singly linked chain whose forward links are volatile, and a removed node
 * keeps its forward link, so a reader standing on it walks on to the live ones. A snapshot taken
 * while the loop runs is weakly consistent: it may miss a task created meanwhile, or show one
 * that just finished, but it never fails.
 */
public final class TaskRegistry {
    /** One registered task; {@link Task} keeps it to unregister in O(1). */
    public static final class Node {
        final Task<?> task;
        volatile Node next;
        Node prev;

        Node(Task<?> task) {
            this.task = task;
        }
    }

    private final Node head = new Node(null);
    private Node tail = head;
    private volatile int size;

    /** Registers {@code task}; returns the node to pass to {@link #remove}. Loop thread only. */
    public Node add(Task<?> task) {
        Node n = new Node(task);
        n.prev = tail;
        tail.next = n;
        tail = n;
        size++;
        return n;
    }

    /** Unregisters the task of {@code n}, once. Loop thread only. */
    public void remove(Node n) {
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
    }

    /** How many tasks are registered. Any thread (a racy read off the loop). */
    public int size() {
        return size;
    }

    /** Whether no task is registered. */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The registered tasks that are not done, in creation order. Any thread. The walk is bounded,
     * so a loop that creates tasks faster than a reader reads cannot keep it walking.
     */
    public List<Task<?>> snapshot() {
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
}
