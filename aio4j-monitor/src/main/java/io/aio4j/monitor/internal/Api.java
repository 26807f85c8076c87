package io.aio4j.monitor.internal;

import io.aio4j.Task;
import io.aio4j.internal.stats.LoopView;
import io.aio4j.internal.stats.TaskHistory;
import io.aio4j.internal.stats.TaskInfo;
import io.aio4j.internal.stats.TerminatedTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JSON API behind the page: {@code /api/loops}, {@code /api/tasks}, {@code /api/tasks/{id}},
 * {@code /api/terminated} and {@code POST /api/tasks/{id}/cancel}. Runs on the HTTP threads;
 * only a cancel touches a loop, through {@code callSoonThreadsafe}, and waits for it a bounded time.
 */
final class Api {
    /** How long a cancel request waits for the loop to run it before answering "queued". */
    static final long CANCEL_WAIT_MILLIS = 1000;
    private static final int MAX_TASKS = 5000;
    private static final int MAX_TREE = 200;

    private final Sampler sampler;
    private final TaskHistory history;
    private final Settings settings;

    Api(Sampler sampler, TaskHistory history, Settings settings) {
        this.sampler = sampler;
        this.history = history;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ /api/loops

    Response loops() {
        List<LoopSnapshot> snaps = snapshots();
        Json j = new Json().beginObject().field("time", System.currentTimeMillis())
                .field("slowStepSeconds", settings.slowStepSeconds()).name("loops").beginArray();
        for (LoopSnapshot l : snaps) {
            loop(j, l);
        }
        return Response.json(200, j.endArray().endObject());
    }

    List<LoopSnapshot> snapshots() {
        List<LoopSnapshot> out = new ArrayList<>();
        for (LoopWatch w : sampler.watches()) {
            out.add(LoopSnapshot.of(w, history));
        }
        return out;
    }

    private static void loop(Json j, LoopSnapshot l) {
        j.beginObject().field("id", l.id()).field("thread", l.thread()).field("mode", l.mode()).field("state", l.state())
                .field("debug", l.debug()).field("stuckSeconds", l.stuck() == null ? 0 : l.stuck().seconds())
                .field("iterations", l.iterations()).field("iterationsPerSecond", l.iterationsPerSecond())
                .field("ready", l.ready()).field("timers", l.timers()).field("transports", l.transports())
                .field("bytesIn", l.bytesIn()).field("bytesOut", l.bytesOut()).field("tasks", l.tasks());
        j.name("tasksByState").beginObject();
        l.tasksByState().forEach((k, v) -> j.field(k, v));
        j.endObject();
        j.name("lag").beginObject().field("p50", l.lagP50()).field("p99", l.lagP99()).field("now", l.lagNow())
                .field("samples", l.lagCount()).name("perSecondMax").beginArray();
        for (double d : l.lagSeries()) {
            j.value(d);
        }
        j.endArray().endObject();
        j.field("slowStepsTotal", l.slowStepsTotal());
        j.name("stuck");
        if (l.stuck() == null) {
            j.nullValue();
        } else {
            slowStep(j, l.stuck());
        }
        j.name("slowSteps").beginArray();
        for (SlowStep s : l.slowSteps()) {
            slowStep(j, s);
        }
        j.endArray().endObject();
    }

    private static void slowStep(Json j, SlowStep s) {
        j.beginObject().field("startedAt", s.startedAtMillis()).field("seconds", s.seconds()).field("ongoing", s.ongoing())
                .field("task", s.task()).field("thread", s.thread());
        stack(j, s.frames());
        j.endObject();
    }

    // ------------------------------------------------------------------ /api/tasks

    /** The pending tasks of every loop (or of loop {@code loopId} if not null), oldest first, filtered by {@code q}. */
    Response tasks(String loopFilter, String q) {
        Long loopId = null;
        if (loopFilter != null && !loopFilter.isEmpty()) {
            loopId = parseId(loopFilter);
            if (loopId == null) {
                return Response.error(400, "bad loop id '" + loopFilter + "'");
            }
        }
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        long now = System.currentTimeMillis();
        List<TaskInfo> infos = new ArrayList<>();
        int total = 0;
        for (LoopWatch w : sampler.watches()) {
            if (loopId != null && w.view.id() != loopId) {
                continue;
            }
            for (Task<?> t : w.view.tasks()) {
                TaskInfo info = w.view.describe(t, List.of(), history, false);
                if (info.state().equals("done")) {
                    continue;
                }
                total++;
                if (needle.isEmpty() || matches(info, needle)) {
                    infos.add(info);
                }
            }
        }
        // Oldest first; tasks created before the monitor started (no creation time) are the oldest.
        infos.sort(Comparator.comparingLong(TaskInfo::createdAtMillis).thenComparingLong(TaskInfo::id));
        Json j = new Json().beginObject().field("time", now).field("total", total).field("matching", infos.size())
                .field("truncated", infos.size() > MAX_TASKS).name("tasks").beginArray();
        for (TaskInfo t : infos.subList(0, Math.min(infos.size(), MAX_TASKS))) {
            task(j.beginObject(), t, now);
            j.endObject();
        }
        return Response.json(200, j.endArray().endObject());
    }

    private static boolean matches(TaskInfo t, String needle) {
        for (String s : new String[] {t.name(), t.coroutine(), t.state(), t.awaits(), String.valueOf(t.id())}) {
            if (s != null && s.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static void task(Json j, TaskInfo t, long now) {
        j.field("id", t.id()).field("name", t.name()).field("coroutine", t.coroutine()).field("loop", t.loopId())
                .field("state", t.state());
        if (t.createdAtMillis() >= 0) {
            j.field("createdAt", t.createdAtMillis()).field("ageSeconds", (now - t.createdAtMillis()) / 1e3);
        } else {
            j.name("createdAt").nullValue().name("ageSeconds").nullValue();
        }
        j.field("awaits", t.awaits());
        if (t.awaitsTask() >= 0) {
            j.field("awaitsTask", t.awaitsTask());
        } else {
            j.name("awaitsTask").nullValue();
        }
        j.field("cancelling", t.cancelling()).field("cancelledBy", t.cancelledBy());
    }

    // ------------------------------------------------------------------ /api/tasks/{id}

    Response task(String idText) {
        Found f = find(idText);
        if (f.error() != null) {
            return f.error();
        }
        long now = System.currentTimeMillis();
        List<Task<?>> all = f.watch.view.tasks();
        TaskInfo info = f.watch.view.describe(f.task, all, history, true);
        Json j = new Json().beginObject();
        task(j, info, now);
        stack(j, info.stack());
        j.name("awaitsChain").beginArray();
        awaitsChain(j, f.watch.view, f.task);
        j.endArray();
        j.name("awaitTree");
        awaitTree(j, f.watch.view, f.task, all, new HashSet<>(), new int[] {0});
        return Response.json(200, j.endObject());
    }

    /** What the task awaits, and what that awaits, down to a future or a task that awaits nothing. */
    private void awaitsChain(Json j, LoopView view, Task<?> task) {
        Set<Task<?>> seen = new HashSet<>();
        Task<?> t = task;
        while (seen.add(t) && seen.size() < MAX_TREE) {
            io.aio4j.Future<?> w = t.waitingFor();
            if (w instanceof Task<?> next) {
                TaskInfo n = view.describe(next, List.of(), history, false);
                j.beginObject().field("id", n.id()).field("name", n.name()).field("state", n.state())
                        .field("awaits", n.awaits()).endObject();
                t = next;
            } else {
                return;
            }
        }
    }

    /** The task and, under it, the tasks that await it, recursively (who awaits whom). */
    private void awaitTree(Json j, LoopView view, Task<?> task, List<Task<?>> all, Set<Task<?>> seen, int[] nodes) {
        TaskInfo info = view.describe(task, all, history, false);
        j.beginObject().field("id", info.id()).field("name", info.name()).field("state", info.state())
                .field("awaits", info.awaits()).name("awaitedBy").beginArray();
        if (seen.add(task) && ++nodes[0] < MAX_TREE) {
            for (Task<?> t : all) {
                if (t.waitingFor() == task) {
                    awaitTree(j, view, t, all, seen, nodes);
                }
            }
        }
        j.endArray().endObject();
    }

    private Response notFound(long id) {
        Json j = new Json().beginObject().field("error", "no pending task with id " + id).field("status", 404);
        for (TerminatedTask t : history.last(Integer.MAX_VALUE)) {
            if (t.id() == id) {
                j.name("terminated");
                terminated(j, t);
                break;
            }
        }
        return Response.json(404, j.endObject());
    }

    // ------------------------------------------------------------------ POST /api/tasks/{id}/cancel

    /**
     * Cancels the task on its loop (callSoonThreadsafe), waiting up to a second for the loop to run
     * the request: 200 with whether {@code cancel} returned true, or 202 if the loop did not get to it
     * (stuck or stopped; the request stays queued).
     */
    Response cancel(String idText, String message, String requester) {
        Found f = find(idText);
        if (f.error() != null) {
            return f.error();
        }
        long id = f.id();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        String msg = message == null || message.isEmpty() ? null : message;
        Task<?> task = f.task;
        boolean queued = f.watch.view.post(() -> {
            try {
                done.complete(TaskHistory.cancellingAs(requester, () -> task.cancel(msg)));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        if (!queued) {
            return Response.error(409, "the loop of task " + id + " is closed");
        }
        Json j = new Json().beginObject().field("id", id).field("message", msg);
        try {
            boolean requested = done.get(CANCEL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            j.field("delivered", true).field("cancelRequested", requested);
            if (!requested) {
                j.field("reason", "the task was already done");
            }
            return Response.json(200, j.endObject());
        } catch (TimeoutException e) {
            j.field("delivered", false).field("queued", true).field("reason", "the loop did not run the request within "
                    + CANCEL_WAIT_MILLIS + " ms (it is stuck or stopped); it will when it gets to it");
            return Response.json(202, j.endObject());
        } catch (ExecutionException e) {
            return Response.error(500, "cancel failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error(503, "interrupted");
        }
    }

    // ------------------------------------------------------------------ /api/terminated

    Response terminated(String limitText) {
        int limit = settings.keepTerminated();
        if (limitText != null && !limitText.isEmpty()) {
            Long l = parseId(limitText);
            if (l == null) {
                return Response.error(400, "bad limit '" + limitText + "'");
            }
            limit = (int) Math.min(limit, l);
        }
        Json j = new Json().beginObject().field("keep", settings.keepTerminated()).name("terminated").beginArray();
        for (TerminatedTask t : history.last(limit)) {
            terminated(j, t);
        }
        return Response.json(200, j.endArray().endObject());
    }

    private static void terminated(Json j, TerminatedTask t) {
        j.beginObject().field("id", t.id()).field("name", t.name()).field("coroutine", t.coroutine())
                .field("loop", t.loopId()).field("outcome", t.outcome()).field("resultType", t.resultType())
                .field("exceptionType", t.exceptionType()).field("message", t.message())
                .field("cancelledBy", t.cancelledBy());
        if (t.createdAtMillis() >= 0) {
            j.field("createdAt", t.createdAtMillis());
        } else {
            j.name("createdAt").nullValue();
        }
        j.field("endedAt", t.endedAtMillis()).endObject();
    }

    /** How many tasks ended with each outcome since recording began. */
    java.util.Map<String, Long> terminatedCounts() {
        return history.outcomeCounts();
    }

    // ------------------------------------------------------------------ helpers

    private static void stack(Json j, List<StackTraceElement> frames) {
        j.name("stack").beginArray();
        for (StackTraceElement f : frames) {
            j.value(f.toString());
        }
        j.endArray();
    }

    /** The pending task whose id is {@code idText}, or the 404 to answer. */
    private Found find(String idText) {
        Long id = parseId(idText);
        if (id == null) {
            return new Found(-1, null, null,
                    Response.error(404, "bad task id '" + idText + "': ids are the numbers /api/tasks lists"));
        }
        for (LoopWatch w : sampler.watches()) {
            for (Task<?> t : w.view.tasks()) {
                if (!t.isDone() && history.idOf(t) == id) {
                    return new Found(id, w, t, null);
                }
            }
        }
        return new Found(id, null, null, notFound(id));
    }

    /** A non-negative decimal id, or null. */
    static Long parseId(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(s);
    }

    /** A task found by id, or the error to answer instead. */
    private record Found(long id, LoopWatch watch, Task<?> task, Response error) {
    }
}
