package io.aio4j.internal.stats;

import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.internal.Describe;
import io.aio4j.internal.debug.SlowCallbacks;
import io.aio4j.internal.debug.TaskDump;
import io.aio4j.internal.loop.LoopCore;
import io.aio4j.internal.loop.LoopProbe;
import io.aio4j.internal.loop.Loops;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.internal.loop.TaskAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only view of one event loop for a monitor thread: identity, mode, counters, tasks,
 * and where it is stuck. Nothing here waits for the loop: every read is a racy snapshot of
 * fields the loop publishes, and stacks come from {@link Thread#getStackTrace()}.
 */
public final class LoopView {
    private static final String CONTINUATION = "jdk.internal.vm.Continuation";

    private final LoopProbe probe;
    private final LoopCore core;

    private LoopView(LoopProbe probe) {
        this.probe = probe;
        this.core = probe.core();
    }

    /** The open loops of this JVM (groups' loops included: they are ordinary loops). */
    public static List<LoopView> open() {
        List<LoopView> views = new ArrayList<>();
        for (SelectorEventLoop l : Loops.open()) {
            views.add(new LoopView(l.probe()));
        }
        views.sort((a, b) -> Long.compare(a.id(), b.id()));
        return views;
    }

    /** The loop's id, unique in this JVM (the {@code #N} of its repr). */
    public long id() {
        return probe.id();
    }

    /** The loop users hold (to schedule on it from its own thread, or compare with a task's loop). */
    public EventLoop loop() {
        return core.eventLoop();
    }

    /** The name of the thread running the loop, or null when it is not running. */
    public String threadName() {
        Thread t = probe.loopThread();
        return t == null ? null : t.getName();
    }

    /** Whether its tasks are loop-scheduled virtual threads (else compatibility mode). */
    public boolean nativeMode() {
        return core.isNativeMode();
    }

    /** Whether it runs now. */
    public boolean running() {
        return core.isRunning();
    }

    /** Whether it is closed. */
    public boolean closed() {
        return core.eventLoop().isClosed();
    }

    /** Its time ({@code EventLoop.time()}), in seconds. */
    public double time() {
        return core.eventLoop().time();
    }

    /** Whether its clock is the real monotonic clock (a virtual-time test loop's is not). */
    public boolean realTime() {
        return probe.realTime();
    }

    /** Whether debug mode is on. */
    public boolean debug() {
        return core.isDebug();
    }

    /** Its counters. */
    public LoopStats stats() {
        return probe.stats();
    }

    /** Queues {@code callback} on the loop from any thread; false if the loop is closed. Never waits. */
    public boolean post(Runnable callback) {
        return core.handOff(callback);
    }

    /** Its pending tasks now (a weakly consistent snapshot, which never fails). */
    public List<Task<?>> tasks() {
        return core.tasks().pending();
    }

    /**
     * A task of this loop as a monitor shows it; {@code all} is {@link #tasks()} (for the
     * tasks awaiting it). Its stack is included when {@code withStack}.
     */
    public TaskInfo describe(Task<?> task, List<Task<?>> all, TaskHistory history, boolean withStack) {
        Future<?> waitingFor = task.waitingFor();
        String state;
        String awaits = null;
        long awaitsTask = -1;
        if (task.isDone()) {
            state = "done";
        } else if (waitingFor != null) {
            state = "awaiting";
            if (waitingFor instanceof Task<?> t) {
                awaits = "task '" + t.name() + "'";
                awaitsTask = history.idOf(t);
            } else {
                awaits = describeFuture(waitingFor);
            }
        } else {
            Thread thread = TaskAccess.get().thread(task);
            Thread.State ts = thread.getState();
            boolean waiting = ts == Thread.State.WAITING || ts == Thread.State.TIMED_WAITING || ts == Thread.State.BLOCKED;
            if (holds(task, thread)) {
                state = waiting ? "blocked" : "running";
            } else if (nativeMode() && waiting) {
                state = "blocked";
            } else {
                state = "ready";
            }
            if (state.equals("blocked")) {
                awaits = "a JDK blocking call: " + jdkCall(thread.getStackTrace());
            }
        }
        List<Long> awaitedBy = new ArrayList<>();
        for (Task<?> t : TaskDump.awaitedBy(task, all)) {
            awaitedBy.add(history.idOf(t));
        }
        List<StackTraceElement> stack = withStack ? List.of(task.stack()) : List.of();
        return new TaskInfo(history.idOf(task), task.name(), TaskAccess.get().coroutineName(task), id(), state,
                history.createdAtMillis(task), awaits, awaitsTask, awaitedBy, task.cancelling(),
                history.cancelledBy(task), stack);
    }

    /**
     * Where the loop is stuck now: the stack of whatever holds it (a callback on the loop
     * thread, or a task's thread), trimmed to the user's code and the call it is in; null
     * when nothing of the user's runs (the loop polls, or is between callbacks).
     */
    public Stuck stuck() {
        Thread loopThread = probe.loopThread();
        if (loopThread == null) {
            return null;
        }
        Thread holder = probe.turnHolder();
        if (holder == null) {
            StackTraceElement[] frames = SlowCallbacks.stuckFrames(loopThread.getStackTrace());
            if (frames != null) {
                return new Stuck(null, loopThread.getName(), List.of(frames));
            }
            if (!nativeMode()) {
                return null;
            }
            return mountedTask();
        }
        Task<?> task = taskOn(holder);
        StackTraceElement[] frames = SlowCallbacks.stuckFrames(holder.getStackTrace());
        return frames == null ? null : new Stuck(task == null ? null : task.name(), holder.getName(), List.of(frames));
    }

    /**
     * Native mode: the task whose virtual thread is mounted on the loop thread. The task that
     * last resumed is tried first; a task resumed from a JDK blocking call did not say so, so
     * the others are searched for a runnable thread that is not parked.
     */
    private Stuck mountedTask() {
        Task<?> last = probe.steppingTask();
        List<Task<?>> candidates = new ArrayList<>();
        if (last != null) {
            candidates.add(last);
        }
        candidates.addAll(tasks());
        for (Task<?> t : candidates) {
            Thread th = TaskAccess.get().thread(t);
            if (th.getState() != Thread.State.RUNNABLE) {
                continue;
            }
            StackTraceElement[] raw = th.getStackTrace();
            if (raw.length == 0 || raw[0].getClassName().equals(CONTINUATION)) {
                continue;
            }
            StackTraceElement[] frames = SlowCallbacks.stuckFrames(raw);
            if (frames != null) {
                return new Stuck(t.name(), th.getName(), List.of(frames));
            }
        }
        return null;
    }

    private boolean holds(Task<?> task, Thread thread) {
        if (!nativeMode()) {
            return probe.turnHolder() == thread;
        }
        return probe.steppingTask() == task && stats().sample().inSteps();
    }

    private Task<?> taskOn(Thread thread) {
        Task<?> last = probe.steppingTask();
        if (last != null && TaskAccess.get().thread(last) == thread) {
            return last;
        }
        for (Task<?> t : tasks()) {
            if (TaskAccess.get().thread(t) == thread) {
                return t;
            }
        }
        return null;
    }

    /** The JDK call a blocked thread is in: the outermost library frame above its first user frame. */
    private static String jdkCall(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (!Describe.isLibraryFrame(frames[i])) {
                return i == 0 ? "unknown" : frames[i - 1].getClassName() + "." + frames[i - 1].getMethodName();
            }
        }
        return "unknown";
    }

    /** A future in words, without its result: its kind and, in debug mode, where it was made. */
    private static String describeFuture(Future<?> f) {
        String kind = f.getClass() == Future.class ? "a Future" : "a " + f.getClass().getSimpleName();
        StackTraceElement[] source = f.sourceTraceback();
        return source != null && source.length > 0 ? kind + " created at " + Describe.where(source[0]) : kind;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoopView v && v.probe == probe;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(probe);
    }

    @Override
    public String toString() {
        return "LoopView" + core.eventLoop();
    }

    /**
     * Where a loop is stuck.
     *
     * @param task   the name of the task holding the loop, or null for a callback
     * @param thread the name of the thread sampled
     * @param frames the frames, innermost first
     */
    public record Stuck(String task, String thread, List<StackTraceElement> frames) {
    }
}
