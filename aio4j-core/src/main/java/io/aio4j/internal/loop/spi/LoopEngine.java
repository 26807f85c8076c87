package io.aio4j.internal.loop.spi;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Task;
import io.aio4j.TimerHandle;
import io.aio4j.internal.loop.SelectorEventLoop;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * aio4j's run loop as a component, for a loop that is built on it by composition (the
 * virtual-time {@code TestLoop} of aio4j-test): an {@link EventLoop} plus the few hooks such a
 * loop needs. The builder injects the clock and the poller, and names itself as the loop users
 * see: futures and tasks made on the engine belong to {@code owner}, {@code Aio.getRunningLoop()}
 * returns it inside its tasks, and its exception handler receives it.
 *
 * <p>Methods say which thread may call them; the rest are the {@link EventLoop}'s rules.
 */
public interface LoopEngine extends EventLoop {

    /**
     * A new engine in the JVM's default mode (native when the JVM allows it) on {@code clock},
     * polling with {@code pollers}' poller, seen by users as {@code owner}.
     */
    static LoopEngine create(EventLoop owner, LoopClock clock, PollerFactory pollers) {
        return new SelectorEventLoop(SelectorEventLoop.Mode.fromSystemProperty(), clock, pollers, owner);
    }

    /** Whether callbacks are ready or other threads have handed work over (then a poll must not wait). Loop thread. */
    boolean hasPendingWork();

    /** How many iterations the loop has run. Any thread (a racy read while it runs). */
    long iterationCount();

    /**
     * Calls {@code hook} on the loop thread at the start of every iteration, with the iteration's
     * number (1 for the first of the loop's life), before anything of that iteration runs;
     * {@code null} removes it. An exception the hook throws ends {@code runForever} with it.
     */
    void onIteration(LongConsumer hook);

    /** Whether the current thread holds this loop (its thread, or a task running on it). Any thread. */
    boolean inLoopThread();

    /** Makes the loop run an iteration soon, waking it if it waits; does nothing once it is closed. Any thread. */
    void wakeUp();

    /**
     * How many jobs given to {@code runInExecutor} (and {@code Aio.toThread}) have not delivered
     * their outcome to the loop yet: work whose result may arrive at any moment of real time.
     */
    int executorJobsInFlight();

    /** Whether new tasks start eagerly (asyncio's eager_task_factory). */
    boolean eagerTasks();

    /** Turns eager task start on or off for tasks created from now on. */
    void setEagerTasks(boolean enabled);

    /** Whether a scheduled timer that is not cancelled satisfies {@code which}. Loop thread. */
    boolean anyTimer(Predicate<? super TimerHandle> which);

    /**
     * Starts keeping the reports debug support makes when an object is collected unfinished
     * ("exception was never retrieved", "coroutine '…' was never awaited", "unclosed transport
     * …"), so that {@link #takeOwedReports()} can make them at a chosen moment. Any thread.
     */
    void keepOwedReports();

    /**
     * Makes every report kept since {@link #keepOwedReports()} whose object is still unfinished,
     * now, in the order they became owed; each is made once (no report follows at collection).
     * Any thread.
     */
    List<ExceptionContext> takeOwedReports();

    /** How many socket transports (TCP, Unix, TLS underneath) of this loop are open. Any thread (a racy read while it runs). */
    int openTransports();

    /**
     * The tasks of this loop that are not done, in creation order: a copy, safe to take from any
     * thread ({@code Aio.allTasks()} is this as a set).
     */
    List<Task<?>> pendingTasks();
}
