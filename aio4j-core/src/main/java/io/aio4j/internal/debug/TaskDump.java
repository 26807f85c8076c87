package io.aio4j.internal.debug;

import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.internal.loop.LoopCore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The text of {@code EventLoop.dumpTasks()}: every pending task of a loop with its state, where
 * its body is suspended, the future it awaits and the tasks that await it (asyncio 3.14's call
 * graph, as text).
 *
 * <p>Safe to call from any thread, including while the loop is stuck (that is when a dump is
 * most useful): it reads the loop's state without synchronisation, so a dump taken while the
 * loop runs is a best-effort snapshot.
 */
public final class TaskDump {
    private TaskDump() {
    }

    /** The dump of {@code loop}'s pending tasks. */
    public static String of(LoopCore loop) {
        List<Task<?>> tasks = snapshot(loop);
        StringBuilder sb = new StringBuilder();
        sb.append("Tasks of ").append(loop.eventLoop()).append(": ").append(tasks.size()).append(" pending\n");
        for (Task<?> task : tasks) {
            describe(sb, task, tasks);
        }
        return sb.toString();
    }

    /** The dumps of several loops, one after the other. */
    public static String of(Collection<? extends LoopCore> loops) {
        if (loops.isEmpty()) {
            return "No aio4j event loop is open\n";
        }
        StringBuilder sb = new StringBuilder();
        for (LoopCore loop : loops) {
            sb.append(of(loop));
        }
        return sb.toString();
    }

    private static void describe(StringBuilder sb, Task<?> task, List<Task<?>> all) {
        sb.append("* ").append(task.name());
        Future<?> waitingFor = task.waitingFor();
        String state = task.isDone() ? "done" : waitingFor != null ? "suspended" : "running, ready or in a JDK blocking call";
        sb.append(" (").append(state).append(")\n");
        sb.append("    task: ").append(task).append('\n');
        StackTraceElement[] stack = task.stack();
        if (stack.length > 0) {
            sb.append("    stack (most recent call first):\n");
            for (StackTraceElement frame : stack) {
                sb.append("      at ").append(frame).append('\n');
            }
        }
        if (waitingFor != null) {
            sb.append("    awaits: ").append(waitingFor instanceof Task<?> t ? t.name() : waitingFor.toString()).append('\n');
        }
        List<String> awaitedBy = new ArrayList<>();
        for (Task<?> other : awaitedBy(task, all)) {
            awaitedBy.add(other.name());
        }
        if (!awaitedBy.isEmpty()) {
            sb.append("    awaited by: ").append(String.join(", ", awaitedBy)).append('\n');
        }
    }

    /** The tasks of {@code all} that await {@code task} (the edges of the await graph into it). Any thread. */
    public static List<Task<?>> awaitedBy(Task<?> task, List<Task<?>> all) {
        List<Task<?>> by = new ArrayList<>();
        for (Task<?> other : all) {
            if (other.waitingFor() == task) {
                by.add(other);
            }
        }
        return by;
    }

    private static List<Task<?>> snapshot(LoopCore loop) {
        return loop.tasks().pending();
    }
}
