package io.aio4j.internal.stats;

import io.aio4j.CancelledException;
import io.aio4j.Task;
import io.aio4j.internal.loop.Current;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.internal.loop.TaskAccess;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * What a monitor knows about tasks beyond their public state: an id per task, when it was
 * created, who asked to cancel it, and the last terminated tasks with their outcome.
 *
 * <p>Recorded only while a monitor runs ({@link #open}): the hooks {@link #created},
 * {@link #cancelRequested} and {@link #ended}, called by core for every task, cost one read of
 * a static volatile field otherwise. They run on the thread holding the task's loop, except
 * {@link #ended} for a task its loop's {@code close()} gave up waiting for (it ends later, off the
 * loop), so every record is thread-safe.
 */
public final class TaskHistory {
    private static final AtomicLong IDS = new AtomicLong();
    private static final ThreadLocal<String> CANCELLER = new ThreadLocal<>();
    private static final int MAX_MESSAGE = 500;
    private static final Object LOCK = new Object();
    private static volatile TaskHistory active;
    private static int users;

    private final ConcurrentHashMap<Task<?>, Record> live = new ConcurrentHashMap<>();
    private final ArrayDeque<TerminatedTask> terminated = new ArrayDeque<>();
    private final AtomicLong results = new AtomicLong();
    private final AtomicLong exceptions = new AtomicLong();
    private final AtomicLong cancellations = new AtomicLong();
    private int capacity;

    private TaskHistory() {
    }

    /**
     * Starts recording (or joins the recording already running) and keeps at least the last
     * {@code keep} terminated tasks; {@link #close(TaskHistory)} it when the monitor stops.
     */
    public static TaskHistory open(int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep < 0: " + keep);
        }
        synchronized (LOCK) {
            TaskHistory h = active;
            if (h == null) {
                h = new TaskHistory();
                active = h;
            }
            synchronized (h.terminated) {
                h.capacity = Math.max(h.capacity, keep);
            }
            users++;
            return h;
        }
    }

    /** Leaves the recording; the last monitor to leave turns the hooks off. */
    public static void close(TaskHistory history) {
        synchronized (LOCK) {
            if (active == history && --users == 0) {
                active = null;
            }
        }
    }

    // ------------------------------------------------------------------ hooks, called by core

    /** Core hook: a task was created. */
    public static void created(Task<?> task) {
        TaskHistory h = active;
        if (h != null) {
            h.live.put(task, new Record(IDS.incrementAndGet(), System.currentTimeMillis()));
        }
    }

    /** Core hook: {@code task.cancel(msg)} is about to request a cancellation (the task is not done). */
    public static void cancelRequested(Task<?> task) {
        TaskHistory h = active;
        if (h != null) {
            h.record(task).cancelledBy = canceller();
        }
    }

    /**
     * Core hook: {@code task} just completed, or was ended by its loop's {@code close()} (then it is
     * cancelled with the close's message); {@code error} is what its body threw (null if it returned).
     */
    public static void ended(Task<?> task, Throwable error) {
        TaskHistory h = active;
        if (h != null) {
            h.onEnded(task, error);
        }
    }

    /**
     * Runs {@code cancel} (which cancels tasks) on the loop's thread with {@code who} recorded as
     * the canceller, instead of the thread or task that runs it.
     */
    public static boolean cancellingAs(String who, BooleanSupplier cancel) {
        CANCELLER.set(who);
        try {
            return cancel.getAsBoolean();
        } finally {
            CANCELLER.remove();
        }
    }

    // ------------------------------------------------------------------ read by a monitor

    /** The monitor's id of {@code task}, made when first asked for a task created before recording began. */
    public long idOf(Task<?> task) {
        return record(task).id;
    }

    /** When {@code task} was created (epoch ms), or -1 if before recording began. */
    public long createdAtMillis(Task<?> task) {
        return record(task).createdAtMillis;
    }

    /** Who requested the pending cancellation of {@code task}, or null. */
    public String cancelledBy(Task<?> task) {
        Record r = live.get(task);
        return r == null ? null : r.cancelledBy;
    }

    /** The last {@code n} terminated tasks, newest first. */
    public List<TerminatedTask> last(int n) {
        synchronized (terminated) {
            List<TerminatedTask> out = new ArrayList<>(Math.min(n, terminated.size()));
            Iterator<TerminatedTask> it = terminated.descendingIterator();
            while (it.hasNext() && out.size() < n) {
                out.add(it.next());
            }
            return out;
        }
    }

    /** How many tasks ended with each outcome since recording began: result, exception, cancelled. */
    public Map<String, Long> outcomeCounts() {
        return Map.of("result", results.get(), "exception", exceptions.get(), "cancelled", cancellations.get());
    }

    /** Forgets the records of tasks that are done or whose loop is closed (called now and then by the monitor). */
    public void purge() {
        live.keySet().removeIf(t -> t.isDone() || t.loop().isClosed());
    }

    private Record record(Task<?> task) {
        return live.computeIfAbsent(task, t -> new Record(IDS.incrementAndGet(), -1));
    }

    private void onEnded(Task<?> task, Throwable error) {
        Record r = live.remove(task);
        if (r == null) {
            r = new Record(IDS.incrementAndGet(), -1);
        }
        String outcome;
        String resultType = null;
        String exceptionType = null;
        String message = null;
        if (task.isCancelled()) {
            outcome = "cancelled";
            try {
                task.result();
            } catch (CancelledException c) {
                message = c.getMessage();
            }
            cancellations.incrementAndGet();
        } else if (error != null) {
            outcome = "exception";
            exceptionType = error.getClass().getName();
            message = error.getMessage();
            exceptions.incrementAndGet();
        } else {
            outcome = "result";
            // Safe: without an exception result() only returns the value, of which only the type is kept.
            Object value = task.result();
            resultType = value == null ? "null" : value.getClass().getName();
            results.incrementAndGet();
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        TerminatedTask t = new TerminatedTask(r.id, task.name(), TaskAccess.get().coroutineName(task),
                SelectorEventLoop.of(task.loop()).probe().id(), outcome, resultType, exceptionType, message,
                outcome.equals("cancelled") ? canceller(r, task) : null, r.createdAtMillis, System.currentTimeMillis());
        synchronized (terminated) {
            if (capacity == 0) {
                return;
            }
            while (terminated.size() >= capacity) {
                terminated.pollFirst();
            }
            terminated.addLast(t);
        }
    }

    /**
     * Who cancelled {@code task}: its loop's close() if the loop is closed (a task ends on a closed
     * loop only when close() ends it while it is pending), else whoever asked.
     */
    private static String canceller(Record r, Task<?> task) {
        return task.loop().isClosed() ? "the loop's close()" : r.cancelledBy;
    }

    private static String canceller() {
        String as = CANCELLER.get();
        if (as != null) {
            return as;
        }
        Object current = Current.get();
        if (current instanceof Task<?> t) {
            return "task '" + t.name() + "'";
        }
        String thread = Thread.currentThread().getName();
        return current != null ? "a callback on thread '" + thread + "'" : "thread '" + thread + "'";
    }

    /** What is known of one live task. */
    private static final class Record {
        final long id;
        final long createdAtMillis;
        volatile String cancelledBy;

        Record(long id, long createdAtMillis) {
            this.id = id;
            this.createdAtMillis = createdAtMillis;
        }
    }
}
