package io.aio4j.internal.loop;

import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Handle;
import io.aio4j.LoopGroup;
import io.aio4j.Task;
import io.aio4j.internal.debug.NeverAwaited;
import io.aio4j.internal.debug.OwedReports;
import io.aio4j.internal.debug.TaskDump;
import io.aio4j.internal.group.RealLoopGroup;
import io.aio4j.internal.process.SigintCancel;
import io.aio4j.internal.stats.TaskHistory;
import io.aio4j.internal.task.Strand;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the API types ({@code Future}, {@code Task}, {@code Aio}, {@code EventLoop}'s default
 * methods, {@code RunOptions}) need from their loop beyond the public {@link EventLoop}: the one
 * door from {@code io.aio4j} into the loop's machinery, with a task's needs grouped in
 * {@link Tasks} and the I/O half in {@link LoopIo}. {@link SelectorEventLoop} implements it;
 * {@link #of} finds it for any {@link EventLoop}, including a loop built on it by composition
 * (aio4j-test's {@code TestLoop}) and a loop implemented outside aio4j ({@link ForeignLoop}:
 * futures work on it, tasks do not).
 *
 * <p>Every method is for the loop thread (or, before the loop runs, the thread setting it up)
 * unless it says otherwise.
 */
public interface LoopCore {

    /**
     * The core of {@code loop}: the loop itself, the engine a composed loop is built on, or a
     * {@link ForeignLoop} view of a loop implemented elsewhere. Any thread.
     */
    static LoopCore of(EventLoop loop) {
        if (loop instanceof LoopCore core) {
            return core;
        }
        LoopCore engine = Loops.engineOf(loop);
        return engine != null ? engine : new ForeignLoop(loop);
    }

    /**
     * {@link #of}, for what needs aio4j's own loop (tasks, the task registry, sockets).
     *
     * @throws IllegalArgumentException {@code "not an aio4j event loop"} for a loop implemented elsewhere
     */
    static LoopCore require(EventLoop loop) {
        LoopCore core = of(loop);
        if (core instanceof ForeignLoop) {
            throw ForeignLoop.notOurs(loop);
        }
        return core;
    }

    /** A new loop (not running); {@code compat} forces compatibility mode (a loop run by a virtual thread needs it). */
    static EventLoop newEventLoop(boolean compat) {
        return compat ? new SelectorEventLoop(SelectorEventLoop.Mode.COMPAT) : new SelectorEventLoop();
    }

    /** {@code Aio.newLoopGroup(n)}: {@code n} loops on their own threads, running when this returns. */
    static LoopGroup newLoopGroup(int n) {
        return new RealLoopGroup(n);
    }

    /** The loop running on the current thread, directly or through one of its tasks; null if none. Any thread. */
    static EventLoop runningLoop() {
        Object current = Current.get();
        if (current instanceof EventLoop loop) {
            return loop;
        }
        return current instanceof Future<?> task ? task.loop() : null;
    }

    /** {@code EventLoop.dumpTasks()}: the dump of {@code loop}'s pending tasks. Any thread. */
    static String dumpTasks(EventLoop loop) {
        return TaskDump.of(require(loop));
    }

    /** {@code Aio.dumpTasks()}: the task dumps of every open loop of this JVM. Any thread. */
    static String dumpAllLoops() {
        return TaskDump.of(Loops.open());
    }

    /** {@code Aio.run}'s main task: runs the loop until {@code main} is done, Ctrl-C cancelling it. */
    static <T> T runMain(EventLoop loop, Task<T> main) {
        return SigintCancel.runMain(loop, main);
    }

    /**
     * Debug mode's "coroutine was never awaited" watch of a new coroutine (when the running loop,
     * or else the default, is in debug mode); returns what the coroutine runs once consumed, or null.
     */
    static Runnable watchNeverAwaited(Object coroutine, String name) {
        EventLoop running = runningLoop();
        OwedReports ledger = running != null && of(running) instanceof SelectorEventLoop engine ? engine.owedReports() : null;
        return NeverAwaited.track(coroutine, name, running != null ? running.isDebug() : Debug.ENABLED_BY_DEFAULT, ledger);
    }

    /**
     * {@code task.cancel(…)} is about to count a request (the task is not done): a running monitor
     * records who asked. On the thread calling cancel; one volatile read when no monitor runs.
     */
    static void taskCancelRequested(Task<?> task) {
        TaskHistory.cancelRequested(task);
    }

    /**
     * {@code task} just completed (or was ended at its loop's close); {@code error} is what its body
     * threw, null if it returned: a running monitor records the outcome. On the task's thread.
     */
    static void taskEnded(Task<?> task, Throwable error) {
        TaskHistory.ended(task, error);
    }

    // ------------------------------------------------------------------ the loop and its thread

    /** The loop users hold: this loop, or the loop built on it. Futures and tasks belong to it. Any thread. */
    EventLoop eventLoop();

    /** Whether debug mode is on. Any thread. */
    boolean isDebug();

    /** Whether the current thread holds the loop (its thread, a task on it, or the task holding the turn). Any thread. */
    boolean inLoopThread();

    /** Debug mode's wrong-thread check: throws when called off the loop's thread while it runs. Any thread. */
    void checkThread();

    /** Throws {@code "Event loop is closed"} if it is. Any thread. */
    void checkNotClosed();

    /** Whether the loop is running. Any thread. */
    boolean isRunning();

    // ------------------------------------------------------------------ futures

    /**
     * Where a Future, Task or Handle is being created, in debug mode (frames computed when shown),
     * sampled at the default debug level unless {@code always} (see {@link Debug}); null outside debug mode.
     */
    CreationSite creationSite(boolean always);

    /** {@code callSoon} of {@code callback.accept(arg)}, without a capturing lambda (done callbacks). */
    Handle callSoon(Consumer<Object> callback, Object arg);

    /**
     * {@code callSoonThreadsafe(callback)}, unless the loop is closed: then nothing is queued
     * (nobody could see the effect) and this returns false. Any thread.
     */
    default boolean handOff(Runnable callback) {
        return Handoff.callSoonThreadsafe(eventLoop(), callback);
    }

    /**
     * Runs {@code work} where the loop's state may be touched, from any thread: on the loop while it
     * runs, at once on the calling thread while it does not (and cannot start meanwhile). Unlike
     * {@link #handOff}, the work never waits for a next run of a loop that stopped before reaching
     * it. {@code work} must be short and must not wait for another thread. Any thread.
     */
    default void runHeld(Runnable work) {
        if (!isRunning() || inLoopThread() || !handOff(work)) {
            work.run();
        }
    }

    /**
     * {@code future} just finished with {@code error}: watches it for the "exception was never
     * retrieved" report (in every mode, as asyncio does); returns what the future runs once the
     * exception is retrieved, or null.
     */
    Runnable exceptionSet(Future<?> future, Throwable error);

    // ------------------------------------------------------------------ tasks and I/O

    /** Whether tasks run on loop-scheduled virtual threads (native mode). Any thread. */
    boolean isNativeMode();

    /**
     * What a {@code Task} asks of this loop ({@link Tasks}).
     *
     * @throws IllegalArgumentException {@code "not an aio4j event loop"} for a loop implemented elsewhere
     */
    Tasks tasks();

    /** The loop's I/O: sockets, servers, TLS, pipes, subprocesses, signals. */
    LoopIo io();

    /**
     * What a {@code Task} needs from its loop: a strand to run on, its registration as pending,
     * eager start, and the step notes of debug mode. Nested here so that {@code io.aio4j} keeps
     * one door into the loop. aio4j's loops implement it with {@link LoopTasks}.
     *
     * <p>The thread holding the loop, unless a method says otherwise.
     */
    interface Tasks {

        /**
         * A strand, in the loop's mode, to run a new task's {@code body} on; {@code onInterrupt}
         * runs on the loop when the body's thread is interrupted from outside while it waits for
         * its turn (compatibility mode).
         */
        Strand newStrand(Runnable body, String name, Runnable onInterrupt);

        /** Registers a new task as pending (see {@link #pending()}); returns its registration, an opaque token for {@link #finished}. */
        Object created(Task<?> task);

        /** Unregisters a task as its last step ends (on the task's thread), given its registration. */
        void finished(Task<?> task, Object registration);

        /** A task's body (re)gained the loop, on its own thread: debug mode's slow-step report names it. */
        void stepResumed(Task<?> task);

        /**
         * The tasks of the loop that are not done, in creation order: a copy, safe to take from any
         * thread (weakly consistent while the loop runs). {@code Aio.allTasks()} is this as a set.
         */
        List<Task<?>> pending();

        /** Whether new tasks start eagerly (asyncio's {@code eager_task_factory}). */
        boolean eagerTasks();

        /** Turns eager start on or off for tasks created from now on. */
        void setEagerTasks(boolean enabled);

        /** Eager start: runs {@code start}, which queues a task's first step, and returns that step instead. */
        Runnable captureFirstStep(Runnable start);

        /** Eager start from a task: {@code first} runs next, then the creator, which is giving the loop up. */
        void runNextThenResume(Runnable first);
    }
}
