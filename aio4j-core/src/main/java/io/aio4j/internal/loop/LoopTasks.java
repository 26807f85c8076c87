package io.aio4j.internal.loop;

import io.aio4j.Task;
import io.aio4j.internal.task.Strand;
import java.util.List;

/**
 * A loop's side of its tasks ({@link LoopCore.Tasks}, what {@code Task} asks of its loop): the
 * strand comes from {@link LoopThreads}, the registration as pending from {@link TaskRegistry},
 * eager start from {@link EagerStart}, and the step notes go to {@link LoopDebug}. Each method
 * forwards to the collaborator named.
 */
final class LoopTasks implements LoopCore.Tasks {
    private final LoopThreads threads;
    private final TaskRegistry registry;
    private final EagerStart eager;
    private final LoopDebug debug;

    LoopTasks(LoopThreads threads, TaskRegistry registry, EagerStart eager, LoopDebug debug) {
        this.threads = threads;
        this.registry = registry;
        this.eager = eager;
        this.debug = debug;
    }

    @Override
    public Strand newStrand(Runnable body, String name, Runnable onInterrupt) {
        return threads.newStrand(body, name, onInterrupt);
    }

    @Override
    public Object created(Task<?> task) {
        return registry.created(task);
    }

    @Override
    public void finished(Task<?> task, Object registration) {
        registry.finished((TaskRegistry.Node) registration);
        debug.stepFinished(task);
    }

    @Override
    public void stepResumed(Task<?> task) {
        debug.stepResumed(task);
    }

    @Override
    public List<Task<?>> pending() {
        return registry.snapshot();
    }

    @Override
    public boolean eagerTasks() {
        return eager.enabled();
    }

    @Override
    public void setEagerTasks(boolean enabled) {
        eager.setEnabled(enabled);
    }

    @Override
    public Runnable captureFirstStep(Runnable start) {
        return eager.captureFirstStep(start);
    }

    @Override
    public void runNextThenResume(Runnable first) {
        eager.runNextThenResume(first);
    }
}
