package io.aio4j.test;

import io.aio4j.Aio;
import io.aio4j.AsyncCallable;
import io.aio4j.Awaitable;
import io.aio4j.Coroutine;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.ExceptionHandler;
import io.aio4j.Future;
import io.aio4j.Handle;
import io.aio4j.Task;
import io.aio4j.TimerHandle;
import io.aio4j.internal.loop.spi.LoopEngine;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.LongConsumer;

/**
 * An event loop on virtual time, for tests: asyncio's {@code test_utils.TestLoop} and Trio's
 * {@code MockClock}. {@link #time()} starts at 0 and moves only when the test moves it with
 * {@link #advanceTime} / {@link #advanceTimeTo}, or, with {@linkplain #setAutojump autojump}
 * (on by default), when the loop is idle: it then jumps straight to the next timer, so a
 * 30-second {@code Aio.sleep} or timeout takes no real time at all.
 *
 * <h2>When the loop is idle</h2>
 * Autojump moves the clock only when nothing can happen before the next timer without it:
 * no callback is ready, no work from another thread has arrived, no channel is ready
 * (checked with {@code selectNow}), and no job handed to an executor by
 * {@link #runInExecutor} or {@code Aio.toThread} is still out. While such a job is out the
 * loop waits for it in real time, because its result could arrive before the next timer.
 *
 * <p>The loop cannot see other real-time work: a JDK blocking call inside a native-mode task
 * ({@code Thread.sleep}, a socket read), or a {@code CompletableFuture} completed by a thread
 * the test started. Autojump may run timers "early" with respect to such work. Give it a grace
 * period with {@link #setAutojumpThreshold}: the loop then stays idle that long in real time
 * before it jumps (Trio's {@code autojump_threshold}), or turn autojump off and advance the
 * clock by hand.
 *
 * <p>If the thread running the loop is interrupted while the loop waits for other threads
 * (JUnit does so when a {@code @Timeout} expires), {@code runForever} ends with an
 * {@link IllegalStateException} instead of spinning.
 *
 * <p>Moving the clock does not run anything by itself: timers that became due run on the
 * loop's next iteration. Inside a task, {@code Aio.sleep(0)} or {@link #runCurrent()} after
 * {@code advanceTime} lets them run; {@link #advanceUntilIdle()} runs every timer in order,
 * moving the clock, until only {@linkplain #backgroundScope() background} work is left.
 * {@link #clock()} is the virtual time as an {@link InstantSource} for the code under test.
 *
 * <h2>What it owes</h2>
 * The reports debug mode makes when an unfinished object is garbage collected (an exception
 * never retrieved, a coroutine never awaited, a transport or stream writer left unclosed) are
 * kept by a TestLoop, and {@link #reportUnfinished()} makes them on demand: {@code @AioTest}
 * does at the end of each test, so the test fails on them whether or not the collector ran.
 *
 * <p>Everything else is aio4j's real loop, which a TestLoop is built on (not derived from): the
 * same ready queue, timers, tasks, I/O and debug mode, with the clock and the wait for I/O
 * replaced. Futures and tasks made on it belong to the TestLoop ({@code future.loop() == testLoop}),
 * and {@code Aio.getRunningLoop()} returns it inside its tasks.
 */
public class TestLoop implements EventLoop {
    /*
     * Overview: composition, as Caffeine injects a Ticker. The engine (aio4j's loop) is built
     * with a VirtualClock and a VirtualTimePoller, and names this TestLoop as the loop users
     * see, so that futures, tasks, the running loop and exception handlers all say "TestLoop".
     * Every EventLoop method is the engine's; the rest of this class is the virtual-time knobs.
     * Fields the engine may read while it is being built (toString, for debug mode's warning)
     * come first.
     */
    private final VirtualClock clock = new VirtualClock();
    private volatile boolean autojump = true;
    private volatile double autojumpThreshold;
    private final LoopEngine engine = LoopEngine.create(this, clock,
            (selector, loop) -> new VirtualTimePoller(selector, loop, this, clock));

    /** Timers scheduled by background tasks ({@link #backgroundScope()}); advanceUntilIdle does not wait for them. */
    private final Set<TimerHandle> backgroundTimers = Collections.newSetFromMap(new WeakHashMap<>());
    private final BackgroundScope background = new BackgroundScope(this);
    /** The task waiting in runCurrent / advanceUntilIdle for the loop to be idle, or null. */
    private volatile IdleWait idleWait;

    /** A loop at virtual time 0 with autojump on, in native mode when the JVM allows it. */
    public TestLoop() {
        engine.keepOwedReports();
    }

    /** The virtual clock, in seconds since the loop was made. */
    @Override
    public double time() {
        return clock.nanoTime() / 1e9;
    }

    /**
     * Moves the clock forward by {@code seconds}. Timers that become due run on the loop's next
     * iteration. May be called from any thread; a loop waiting for work is woken.
     *
     * @throws IllegalArgumentException if {@code seconds} is negative, infinite or NaN
     */
    public void advanceTime(double seconds) {
        if (!(seconds >= 0) || seconds == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("seconds < 0, infinite or NaN: " + seconds);
        }
        clock.advance(VirtualClock.toNanos(seconds));
        wakeUp();
    }

    /**
     * Moves the clock forward to {@code when} (in {@link #time()}'s scale).
     *
     * @throws IllegalArgumentException if {@code when} is before {@link #time()}, infinite or NaN
     */
    public void advanceTimeTo(double when) {
        if (Double.isNaN(when) || Double.isInfinite(when)) {
            throw new IllegalArgumentException("when is infinite or NaN: " + when);
        }
        long target = VirtualClock.toNanos(when);
        if (target < clock.nanoTime()) {
            throw new IllegalArgumentException("time cannot go backwards: when " + when + " < time() " + time());
        }
        clock.advanceTo(target);
        wakeUp();
    }

    /** Whether the clock jumps to the next timer when the loop is idle (default true). */
    public boolean autojump() {
        return autojump;
    }

    /** Turns autojump on or off; off, only {@link #advanceTime} moves the clock. */
    public void setAutojump(boolean enabled) {
        this.autojump = enabled;
        wakeUp();
    }

    /** The real time, in seconds, the loop stays idle before autojump moves the clock (default 0). */
    public double autojumpThreshold() {
        return autojumpThreshold;
    }

    /**
     * Sets {@link #autojumpThreshold()}: a grace period, in real seconds, for work the loop cannot
     * see (JDK blocking calls in native-mode tasks, futures completed by the test's own threads).
     */
    public void setAutojumpThreshold(double seconds) {
        if (!(seconds >= 0) || seconds == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("seconds < 0, infinite or NaN: " + seconds);
        }
        this.autojumpThreshold = seconds;
    }

    /** Whether new tasks start eagerly (asyncio's eager_task_factory); off by default. */
    public boolean eagerTasks() {
        return engine.eagerTasks();
    }

    /** Starts tasks created from now on eagerly: their body runs at once until it first suspends. */
    public void setEagerTasks(boolean enabled) {
        engine.setEagerTasks(enabled);
    }

    /**
     * The virtual clock as a {@link InstantSource} for code under test, starting at
     * {@link Instant#EPOCH} at virtual time 0: {@code clock().instant()} is
     * {@code Instant.EPOCH.plusNanos(time in nanoseconds)}. {@code clock().withZone(zone)} is a
     * {@link java.time.Clock}. Any thread.
     */
    public InstantSource clock() {
        return clock(Instant.EPOCH);
    }

    /** {@link #clock()} starting at {@code origin} at virtual time 0. */
    public InstantSource clock(Instant origin) {
        Objects.requireNonNull(origin, "origin");
        return new VirtualInstantSource(clock, origin);
    }

    /**
     * kotlinx-coroutines-test's {@code runCurrent}: runs everything that is ready at the current
     * virtual time (ready callbacks, due timers, and what they make ready in turn) until nothing is,
     * without moving the clock. Called in a task of this loop, that task waits meanwhile; called
     * outside any running loop, runs the loop for it.
     *
     * @throws IllegalStateException in another loop's task, on another thread while this loop runs,
     *     or while another task of this loop is in {@code runCurrent} / {@code advanceUntilIdle}
     */
    public void runCurrent() {
        settle(false);
    }

    /**
     * kotlinx-coroutines-test's {@code advanceUntilIdle}: runs the loop, moving the virtual clock
     * to each next timer (autojump on or off), until nothing is left to do but wait for work that
     * no timer will bring: no callback ready, no job of {@code runInExecutor} / {@code Aio.toThread}
     * still out (waited for in real time), and no timer scheduled but those of
     * {@linkplain #backgroundScope() background tasks}. Tasks blocked on a future nobody will
     * complete stay blocked. Where it may be called: {@link #runCurrent()}.
     */
    public void advanceUntilIdle() {
        settle(true);
    }

    /**
     * The test's background scope (kotlinx-coroutines-test's {@code backgroundScope}): tasks for
     * work that runs alongside the test (a server, a heartbeat), which {@code @AioTest} cancels at
     * the end of the test instead of failing it for them, and whose timers
     * {@link #advanceUntilIdle()} does not wait for.
     */
    public BackgroundScope backgroundScope() {
        return background;
    }

    /**
     * Forces the reports debug mode makes when unfinished objects of this loop are garbage
     * collected, now instead of whenever the collector runs: "Future/Task exception was never
     * retrieved" for a future that failed and whose exception nobody retrieved, "coroutine '…'
     * was never awaited" (coroutines made in debug mode), "unclosed transport …",
     * "unclosed &lt;StreamWriter …&gt;" and unclosed subprocess transports (made in debug mode).
     * Each goes to the loop's exception handler, once (none follows at collection). Returns how
     * many were made. {@code @AioTest} calls it at the end of each test. Any thread, but the
     * handler runs on the calling thread.
     */
    public int reportUnfinished() {
        List<ExceptionContext> owed = engine.takeOwedReports();
        for (ExceptionContext c : owed) {
            engine.callExceptionHandler(c);
        }
        return owed.size();
    }

    /** How many jobs given to {@link #runInExecutor} have not delivered their result to the loop yet. */
    public int executorJobsInFlight() {
        return engine.executorJobsInFlight();
    }

    // ------------------------------------------------------------------ for aio4j-test's tools (CancellationSweep, TestRun)

    /**
     * Calls {@code hook} on the loop thread at the start of every iteration, with the iteration's
     * number (1 for the first), before anything of that iteration runs; {@code null} removes it.
     */
    void onIteration(LongConsumer hook) {
        engine.onIteration(hook);
    }

    /** How many iterations the loop has run. */
    long iterationCount() {
        return engine.iterationCount();
    }

    /** How many socket transports of this loop are open. */
    int openTransports() {
        return engine.openTransports();
    }

    /** The tasks of this loop that are not done, in creation order (a copy). */
    List<Task<?>> pendingTasks() {
        return engine.pendingTasks();
    }

    /** What a task waiting in runCurrent / advanceUntilIdle waits for; {@code untilIdle}: advanceUntilIdle. */
    record IdleWait(Future<Void> done, boolean untilIdle) {
    }

    /** The wait in progress, or null (read by the poller). */
    IdleWait idleWait() {
        return idleWait;
    }

    /** Whether a timer is scheduled that is not a background task's. Loop thread. */
    boolean hasForegroundTimer() {
        synchronized (backgroundTimers) {
            return engine.anyTimer(t -> !backgroundTimers.contains(t));
        }
    }

    private void settle(boolean untilIdle) {
        Task<?> current = Aio.currentTask();
        if (current != null && current.loop() == this) {
            do {
                if (idleWait != null) {
                    throw new IllegalStateException("another task of " + this + " is in runCurrent() or advanceUntilIdle()");
                }
                Future<Void> done = createFuture();
                idleWait = new IdleWait(done, untilIdle);
                try {
                    Aio.await(done);
                } finally {
                    idleWait = null;
                }
            } while (engine.hasPendingWork());
        } else if (current == null && !isRunning()) {
            runUntilComplete(createTask(() -> settle(untilIdle), untilIdle ? "advanceUntilIdle" : "runCurrent"));
        } else {
            throw new IllegalStateException((untilIdle ? "advanceUntilIdle()" : "runCurrent()")
                    + " must be called in a task of " + this + " or outside any running loop");
        }
    }

    /** Whether the calling code runs in a task of the background scope (or one such a task created). */
    private boolean inBackgroundTask() {
        if (!engine.inLoopThread()) {
            return false;
        }
        Task<?> current = Aio.currentTask();
        return current != null && background.contains(current);
    }

    private TimerHandle noteTimer(TimerHandle timer) {
        if (inBackgroundTask()) {
            synchronized (backgroundTimers) {
                backgroundTimers.add(timer);
            }
        }
        return timer;
    }

    private <T> Task<T> noteTask(Task<T> task) {
        if (inBackgroundTask()) {
            background.adopt(task);
        }
        return task;
    }

    private void wakeUp() {
        if (engine.isRunning() && !engine.inLoopThread() && !engine.isClosed()) {
            engine.wakeUp();
        }
    }

    // ------------------------------------------------------------------ EventLoop: the engine's

    @Override
    public Handle callSoon(Runnable callback) {
        return engine.callSoon(callback);
    }

    @Override
    public Handle callSoonThreadsafe(Runnable callback) {
        return engine.callSoonThreadsafe(callback);
    }

    @Override
    public TimerHandle callLater(double delaySeconds, Runnable callback) {
        return noteTimer(engine.callLater(delaySeconds, callback));
    }

    @Override
    public TimerHandle callAt(double when, Runnable callback) {
        return noteTimer(engine.callAt(when, callback));
    }

    /** Makes the task as any loop does; one created by a background task belongs to the background scope too. */
    @Override
    public <T> Task<T> createTask(AsyncCallable<T> body, String name) {
        return noteTask(EventLoop.super.createTask(body, name));
    }

    /** Makes the task as any loop does; one created by a background task belongs to the background scope too. */
    @Override
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return noteTask(EventLoop.super.createTask(coroutine));
    }

    @Override
    public void runForever() {
        engine.runForever();
    }

    @Override
    public <T> T runUntilComplete(Awaitable<T> awaitable) {
        return engine.runUntilComplete(awaitable);
    }

    @Override
    public void stop() {
        engine.stop();
    }

    @Override
    public boolean isRunning() {
        return engine.isRunning();
    }

    @Override
    public boolean isClosed() {
        return engine.isClosed();
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Runs {@code fn} in an executor as the real loop does; it counts in {@link #executorJobsInFlight()} until its result is back. */
    @Override
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> fn) {
        return engine.runInExecutor(executor, fn);
    }

    @Override
    public void setDefaultExecutor(ExecutorService executor) {
        engine.setDefaultExecutor(executor);
    }

    @Override
    public Future<Void> shutdownDefaultExecutor(double timeoutSeconds) {
        return engine.shutdownDefaultExecutor(timeoutSeconds);
    }

    @Override
    public void setExceptionHandler(ExceptionHandler handler) {
        engine.setExceptionHandler(handler);
    }

    @Override
    public ExceptionHandler exceptionHandler() {
        return engine.exceptionHandler();
    }

    @Override
    public void callExceptionHandler(ExceptionContext context) {
        engine.callExceptionHandler(context);
    }

    @Override
    public void defaultExceptionHandler(ExceptionContext context) {
        engine.defaultExceptionHandler(context);
    }

    @Override
    public boolean isDebug() {
        return engine.isDebug();
    }

    @Override
    public void setDebug(boolean enabled) {
        engine.setDebug(enabled);
    }

    @Override
    public double slowCallbackDuration() {
        return engine.slowCallbackDuration();
    }

    @Override
    public void setSlowCallbackDuration(double seconds) {
        engine.setSlowCallbackDuration(seconds);
    }

    @Override
    public String toString() {
        // The engine is null while it is being built (its debug mode may describe this loop then).
        return "<TestLoop time=" + time() + " autojump=" + autojump + (engine != null ? " " + engine : "") + ">";
    }
}
