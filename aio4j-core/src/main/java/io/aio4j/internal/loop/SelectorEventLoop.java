package io.aio4j.internal.loop;

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
import io.aio4j.internal.Describe;
import io.aio4j.internal.debug.Jfr;
import io.aio4j.internal.debug.NeverRetrieved;
import io.aio4j.internal.debug.OwedReports;
import io.aio4j.internal.debug.TaskDumpSignal;
import io.aio4j.internal.loop.spi.LoopClock;
import io.aio4j.internal.loop.spi.LoopEngine;
import io.aio4j.internal.loop.spi.Poller;
import io.aio4j.internal.loop.spi.PollerFactory;
import io.aio4j.internal.stats.LoopStats;
import io.aio4j.internal.stats.MonitorAutostart;
import io.aio4j.internal.task.VirtualThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * The event loop: asyncio's {@code BaseEventLoop} run loop on a {@link Selector} (epoll on
 * Linux), built from small collaborators. A loop built on it by composition (the virtual-time
 * {@code TestLoop}, through {@link LoopEngine#create}) injects its clock and poller and is the
 * {@linkplain #eventLoop() loop users see}. Nothing overrides its methods: core's own test loops
 * that extend it only pass a clock and a poller to its constructor.
 *
 * <p>I/O latency bound: while callbacks are ready the loop does not poll the selector in every
 * iteration (a poll that cannot wait only looks for I/O, and costs a system call): it polls at
 * least once every {@value #POLL_EVERY_ITERATIONS} iterations, and in the first iteration that
 * begins 200 µs ({@link #POLL_EVERY_NANOS}) or more after the last poll. Timers are checked and
 * other threads' work is taken in every iteration, and an idle or stopping loop polls as asyncio's does.
 * A loop built on this one by composition (the virtual-time {@code TestLoop}) polls in every iteration.
 */
public class SelectorEventLoop implements LoopCore, LoopEngine {
    /*
     * Overview.
     *
     * One iteration (runOnce) is asyncio's _run_once:
     *   1. drain the thread-safe queue into the ready queue, purge cancelled timers;
     *   2. poll (the Poller; the real one waits on the selector): timeout 0 if anything is ready
     *      or the loop is stopping, else until the earliest timer (capped at 24 h), else forever;
     *      ready keys append their handlers (Runnables attached to the keys) to the ready queue;
     *   3. drain the thread-safe queue again, then move the due timers (when < now + resolution);
     *   4. run exactly the entries that are in the ready queue now; what they schedule waits.
     *
     * The poll. asyncio polls in every iteration, with timeout 0 when callbacks are ready. Such a
     * poll cannot wait, so it only matters for I/O latency, and it is a system call (epoll_wait)
     * that costs more than a whole task switch. So while callbacks are ready (and the loop is not
     * stopping) an iteration skips step 2, and the second drain of step 3, unless it is the
     * POLL_EVERY_ITERATIONS-th (64th) iteration since the last poll or it begins
     * POLL_EVERY_NANOS (200 µs) or more after the last poll, by the loop's clock: ready I/O waits
     * at most 64 iterations, and at most 200 µs plus the one iteration running when they elapse.
     * Everything else is as asyncio: step 1's drain and the timers (step 3) run in every iteration,
     * an idle loop polls with the timeout above, a stopping loop polls once more with timeout 0, and
     * step 4 is unchanged. Other threads' work does not wait for the poll: it is drained in step 1.
     *
     * The ready queue holds Runnables: RealHandles (callSoon, timers, future callbacks),
     * continuations of native-mode tasks (handed to us by the JDK through execute(), their
     * threads' scheduler), steps
     * of compatibility-mode tasks, and I/O handlers. Only the thread that holds the loop touches
     * it: the loop thread, or (compatibility mode) the task thread holding the turn. Every other
     * thread goes through `remote` (ThreadsafeQueue: a lock-free queue and the wakeup protocol).
     *
     * Timers: a binary heap with lazy cancellation; compacted when more than 100 are
     * scheduled and over half of them are cancelled.
     *
     * Collaborators, one concern each: LoopThreads (who holds the loop; task strands),
     * ThreadsafeQueue (other threads' work and the wakeup protocol), TimerHeap, TaskRegistry
     * (pending tasks), EagerStart (eager task start), LoopExecutors (runInExecutor, the default
     * executor), ExceptionReporter (the exception handler), LoopDebug (debug mode's switch and
     * slow-callback timing), LoopIo (sockets, servers, pipes, subprocesses, signals; EventLoop's
     * default methods reach it through LoopCore), LoopStats (a monitor's counters, bumped once
     * per iteration; LoopProbe is what a monitor reads), and the injected LoopClock and Poller.
     * Most methods below that are not the run loop itself are one-line forwards to them.
     */
    private static final System.Logger LOG = System.getLogger("aio4j");
    private static final double CLOCK_RESOLUTION = 1e-9;
    private static final double MAX_SELECT_TIMEOUT = 24 * 3600;
    /**
     * While callbacks are ready, the selector is polled at least once every this many iterations
     * (an iteration that skips the poll costs no system call; see "The poll" in the overview).
     */
    static final int POLL_EVERY_ITERATIONS = 64;
    /** While callbacks are ready, an iteration that begins this long (200 µs) or more after the last poll polls. */
    static final long POLL_EVERY_NANOS = 200_000;
    private static final AtomicBoolean MODE_LOGGED = new AtomicBoolean();
    private static final AtomicLong LOOP_IDS = new AtomicLong();

    private final long id = LOOP_IDS.incrementAndGet();
    private final LoopThreads threads;
    private final EventLoop owner;
    private final LoopClock clock;
    private final Selector selector;
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>(1024);
    private final ThreadsafeQueue remote = new ThreadsafeQueue(this::wakeUpPoller);
    private final Poller poller;
    private final TimerHeap timers = new TimerHeap();
    private final TaskRegistry tasks = new TaskRegistry(this);
    private final EagerStart eager = new EagerStart(ready);
    /** What a task asks of this loop: the forwards to threads, tasks, eager and debug. */
    private final LoopCore.Tasks taskHooks;
    private final LoopExecutors executors = new LoopExecutors(this);
    private final ExceptionReporter errors;
    private final LoopIo io;
    private final LoopDebug debug;
    /** A monitor's counters (io.aio4j.internal.stats): plain-cost stores on the run loop, read from its thread. */
    private final LoopStats stats = new LoopStats(this::time);
    private final LoopProbe probe;
    /** Debug reports owed by unfinished objects, kept when a loop built on this one asks (aio4j-test). */
    private final OwedReports owedReports = new OwedReports();
    private long iterations;
    /**
     * Whether a busy iteration may skip the poll (the poll bound): not on a loop built on this one
     * by composition (aio4j-test's virtual-time TestLoop), which polls in every iteration as
     * asyncio does: its tests count iterations, and its clock stands still while it is busy.
     */
    private final boolean skipBusyPolls;
    /** Iterations since the last poll that skipped it because callbacks were ready. */
    private int busyWithoutPoll;
    /** The clock's time right after the last poll, in nanoseconds. */
    private long lastPoll = Long.MIN_VALUE / 2;
    private LongConsumer iterationHook;
    private volatile boolean stopping;
    private volatile boolean closed;
    /** close() is ending the pending tasks: their steps still come to this loop. */
    private volatile boolean closing;

    /** A loop in native mode when the JVM allows it, otherwise in compatibility mode. */
    public SelectorEventLoop() {
        this(Mode.fromSystemProperty());
    }

    /** A loop in the given mode; native mode falls back to compatibility when unavailable. */
    public SelectorEventLoop(Mode mode) {
        this(mode, LoopClock.SYSTEM, PollerFactory.SELECTOR, null);
    }

    /**
     * A loop on {@code clock}, polling with the poller {@code pollers} makes, and seen by users
     * as {@code owner} (null: itself), a loop built on this one by composition.
     */
    public SelectorEventLoop(Mode mode, LoopClock clock, PollerFactory pollers, EventLoop owner) {
        this.owner = owner != null ? owner : this;
        this.skipBusyPolls = owner == null;
        if (owner != null) {
            // Its delegating frames are the library's, not user code, in creation sites and stack samples.
            Describe.addLibraryClass(owner.getClass());
        }
        this.threads = new LoopThreads(mode == Mode.NATIVE, this::execute);
        logModeOnce(threads.nativeMode());
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.poller = pollers.create(new SelectorPoller(this, selector, remote, this::onSelected), this);
        this.errors = new ExceptionReporter(this.owner);
        this.io = new LoopIo(this, this.owner);
        this.debug = new LoopDebug(this);
        this.taskHooks = new LoopTasks(threads, tasks, eager, debug);
        this.probe = new LoopProbe(id, this, threads, debug, stats, clock == LoopClock.SYSTEM);
        if (debug.on) {
            LOG.log(System.Logger.Level.DEBUG, "Using selector: " + selector.getClass().getSimpleName());
            debug.watchUnclosed();
        }
        Loops.add(this);
        TaskDumpSignal.installFromProperty();
        MonitorAutostart.startOnce();
    }

    /** How tasks get the loop; see the README, "native mode". */
    public enum Mode {
        /** Tasks are virtual threads scheduled by the loop itself. */
        NATIVE,
        /** Tasks are ordinary virtual threads taking strict turns with the loop. */
        COMPAT;

        /** {@code -Daio4j.mode=compat} forces compatibility mode; the default is native. */
        public static Mode fromSystemProperty() {
            return "compat".equalsIgnoreCase(System.getProperty("aio4j.mode")) ? COMPAT : NATIVE;
        }
    }

    /** {@code loop} as aio4j's implementation (the engine of a loop built on one), or {@link IllegalArgumentException}. */
    public static SelectorEventLoop of(EventLoop loop) {
        return (SelectorEventLoop) LoopCore.require(loop);
    }

    @Override
    public EventLoop eventLoop() {
        return owner;
    }

    @Override
    public boolean isNativeMode() {
        return threads.nativeMode();
    }

    // ------------------------------------------------------------------ time and callbacks

    @Override
    public double time() {
        return clock.nanoTime() / 1e9;
    }

    @Override
    public Handle callSoon(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        return enqueueHandle(new RealHandle(callback, RealHandle.NO_ARG, creationSite(false)));
    }

    @Override
    public Handle callSoon(Consumer<Object> callback, Object arg) {
        return enqueueHandle(new RealHandle(callback, arg, creationSite(false)));
    }

    private Handle enqueueHandle(RealHandle h) {
        checkNotClosed();
        if (inLoopThread()) {
            ready.addLast(h);
        } else if (debug.on && isRunning()) {
            throw LoopThreads.wrongThread();
        } else {
            remote.offer(h);
        }
        return h;
    }

    @Override
    public Handle callSoonThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkNotClosed();
        RealHandle h = new RealHandle(callback, RealHandle.NO_ARG, creationSite(false));
        remote.offer(h);
        return h;
    }

    @Override
    public TimerHandle callLater(double delaySeconds, Runnable callback) {
        if (Double.isNaN(delaySeconds)) {
            throw new IllegalArgumentException("Invalid delay: NaN (not a number)");
        }
        return callAt(time() + delaySeconds, callback);
    }

    @Override
    public TimerHandle callAt(double when, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("Invalid time: NaN (not a number)");
        }
        checkNotClosed();
        RealTimerHandle h = new RealTimerHandle(when, timers.nextSequence(), callback, timers, creationSite(false));
        if (!isRunning() || inLoopThread()) {
            timers.add(h);
        } else if (debug.on) {
            throw LoopThreads.wrongThread();
        } else {
            remote.offer(() -> timers.add(h));
        }
        return h;
    }

    /** The scheduler of native-mode task threads, and the way internal code queues work from anywhere. */
    public void execute(Runnable r) {
        if (inLoopThread()) {
            if (!eager.intercept(r)) {
                ready.addLast(r);
            }
        } else if (!closed || closing) {
            remote.offer(r);
        } else if (isNativeMode()) {
            // A task of a closed loop that was still in a JDK blocking call when close() gave up on it:
            // it was destroyed (its awaits throw at once), so it ends off the loop rather than never.
            VirtualThreads.defaultScheduler().execute(r);
        } else {
            Thread.ofVirtual().name("aio4j-closed-loop-step").start(r);
        }
    }

    @Override
    public void wakeUp() {
        execute(() -> { });
    }

    /** How many timers are in the heap, cancelled ones included (for tests of the compaction rule). */
    public int scheduledTimerCount() {
        return timers.size();
    }

    @Override
    public <T> Future<T> createFuture() {
        return new Future<>(owner);
    }

    @Override
    public <T> Task<T> createTask(AsyncCallable<T> body, String name) {
        // Tasks belong to the loop users hold; a loop built on this one makes them with EventLoop's default.
        return owner == this ? LoopEngine.super.createTask(body, name) : owner.createTask(body, name);
    }

    @Override
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return owner == this ? LoopEngine.super.createTask(coroutine) : owner.createTask(coroutine);
    }

    // ------------------------------------------------------------------ threads and tasks: see LoopThreads, TaskRegistry, EagerStart

    @Override
    public boolean inLoopThread() {
        return threads.inLoopThread();
    }

    @Override
    public void checkThread() {
        threads.checkThread();
    }

    @Override
    public LoopCore.Tasks tasks() {
        return taskHooks;
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
    public List<Task<?>> pendingTasks() {
        return tasks.snapshot();
    }

    /** {@code Aio.allTasks()} of this loop, also while it is not running: its tasks that are not done, in creation order. */
    public Set<Task<?>> allTasks() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(tasks.snapshot()));
    }

    @Override
    public Runnable exceptionSet(Future<?> future, Throwable error) {
        return NeverRetrieved.track(this, owedReports, future, error);
    }

    // ------------------------------------------------------------------ running

    @Override
    public void runForever() {
        checkNotClosed();
        checkNotRunning();
        threads.enter();
        stats.runStarted();
        Current.set(owner);
        boolean interrupted = false;
        try {
            while (true) {
                runOnce();
                // An interrupt makes every later select return at once: note it, clear it so the loop
                // can block again, and hand it back to the caller when the loop stops.
                interrupted |= Thread.interrupted();
                if (stopping) {
                    break;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            stopping = false;
            threads.exit();
            debug.loopStopped();
            Current.remove();
        }
    }

    private void checkNotRunning() {
        if (isRunning()) {
            throw new IllegalStateException("This event loop is already running");
        }
        if (Current.get() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T runUntilComplete(Awaitable<T> awaitable) {
        checkNotClosed();
        checkNotRunning();
        Objects.requireNonNull(awaitable, "awaitable");
        boolean newTask = awaitable instanceof Coroutine<?>;
        Future<T> fut = newTask ? createTask((Coroutine<T>) awaitable) : (Future<T>) awaitable;
        if (fut.loop() != owner) {
            throw new IllegalArgumentException("The future belongs to a different loop than the one specified as the loop argument");
        }
        Consumer<Future<T>> stopper = f -> stop();
        fut.addDoneCallback(stopper);
        try {
            runForever();
        } finally {
            fut.removeDoneCallback(stopper);
        }
        if (!fut.isDone()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return fut.result();
    }

    @Override
    public void stop() {
        stopping = true;
        if (isRunning() && !inLoopThread()) {
            remote.offer(() -> { });
        }
    }

    @Override
    public boolean isRunning() {
        return threads.loopThread() != null;
    }

    @Override
    public void runHeld(Runnable work) {
        threads.runHeld(work, remote::offer);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    @Override
    public void close() {
        if (isRunning()) {
            throw new IllegalStateException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        if (debug.on) {
            LOG.log(System.Logger.Level.DEBUG, "Close " + owner);
        }
        closed = true;
        io.close();
        if (!tasks.isEmpty()) {
            tasks.closing();
            closing = true;
            try {
                PendingTasksAtClose.end(this, threads, tasks.snapshot(), ready, remote, this::runOne);
            } finally {
                closing = false;
            }
        }
        debug.loopClosed();
        ready.clear();
        remote.clear();
        timers.clear();
        executors.close();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "error closing the selector of " + owner, e);
        }
    }

    /** One iteration: asyncio's {@code _run_once}. */
    private void runOnce() {
        long n = ++iterations;
        if (iterationHook != null) {
            iterationHook.accept(n);
        }
        remote.drainTo(ready);
        timers.purgeCancelled();

        long nowNanos;
        if (skipBusyPolls && !ready.isEmpty() && !stopping && ++busyWithoutPoll < POLL_EVERY_ITERATIONS
                && (nowNanos = clock.nanoTime()) - lastPoll < POLL_EVERY_NANOS) {
            // Callbacks are ready, so the poll could not wait anyway; it would only find I/O, and the
            // bound above says I/O can wait one more iteration (see the class comment, "The poll").
        } else {
            double timeout;
            if (!ready.isEmpty() || stopping) {
                timeout = 0;
            } else if (!timers.isEmpty()) {
                timeout = Math.min(Math.max(0, timers.peek().when - time()), MAX_SELECT_TIMEOUT);
            } else {
                timeout = Double.POSITIVE_INFINITY;
            }
            poller.poll(timeout);
            remote.drainTo(ready);
            nowNanos = clock.nanoTime();
            lastPoll = nowNanos;
            busyWithoutPoll = 0;
        }
        double now = nowNanos / 1e9;

        double end = now + CLOCK_RESOLUTION;
        long lag = timers.moveDue(end, ready);
        if (lag >= 0 && Jfr.AVAILABLE) {
            Jfr.loopLag(this, lag);
        }

        int count = ready.size();
        stats.stepsBegin(count, timers.size(), end);
        if (debug.on) {
            for (int i = 0; i < count; i++) {
                Runnable r = ready.pollFirst();
                long t0 = debug.callbackStarts(threads.loopThread(), r);
                runOne(r);
                debug.callbackEnded(t0, r);
            }
        } else {
            for (int i = 0; i < count; i++) {
                runOne(ready.pollFirst());
            }
        }
        stats.stepsEnd();
    }

    private void wakeUpPoller() {
        poller.wakeup();
    }

    private void onSelected(SelectionKey key) {
        if (key.attachment() instanceof Runnable handler) {
            ready.addLast(handler);
        }
    }

    private void runOne(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            errors.callbackFailed(r, t);
        }
    }

    @Override
    public int openTransports() {
        return stats.sample().transports();
    }

    @Override
    public long iterationCount() {
        return iterations;
    }

    @Override
    public void onIteration(LongConsumer hook) {
        this.iterationHook = hook;
    }

    /** The debug reports owed by this loop's unfinished futures, coroutines and resources. Any thread. */
    public OwedReports owedReports() {
        return owedReports;
    }

    @Override
    public boolean anyTimer(Predicate<? super TimerHandle> which) {
        return timers.any(which);
    }

    @Override
    public void keepOwedReports() {
        owedReports.keep();
    }

    @Override
    public List<ExceptionContext> takeOwedReports() {
        return owedReports.take();
    }

    @Override
    public boolean hasPendingWork() {
        return !ready.isEmpty() || !remote.isEmpty();
    }

    /** What a monitor reads of this loop from its own thread (id, counters, who holds it). Any thread. */
    public LoopProbe probe() {
        return probe;
    }

    /** The loop's selector, for the I/O support that registers channels on it. */
    public Selector selector() {
        return selector;
    }

    // ------------------------------------------------------------------ executors: see LoopExecutors

    @Override
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> fn) {
        return executors.runInExecutor(executor, fn);
    }

    @Override
    public int executorJobsInFlight() {
        return executors.jobsInFlight();
    }

    @Override
    public void setDefaultExecutor(ExecutorService executor) {
        executors.setDefaultExecutor(executor);
    }

    @Override
    public Future<Void> shutdownDefaultExecutor(double timeoutSeconds) {
        return executors.shutdownDefaultExecutor(timeoutSeconds);
    }

    // ------------------------------------------------------------------ errors: see ExceptionReporter

    @Override
    public void setExceptionHandler(ExceptionHandler handler) {
        errors.setHandler(handler);
    }

    @Override
    public ExceptionHandler exceptionHandler() {
        return errors.handler();
    }

    @Override
    public void callExceptionHandler(ExceptionContext context) {
        errors.report(context);
    }

    @Override
    public void defaultExceptionHandler(ExceptionContext context) {
        errors.reportByDefault(context);
    }

    // ------------------------------------------------------------------ debug mode

    @Override
    public boolean isDebug() {
        return debug.on;
    }

    @Override
    public void setDebug(boolean enabled) {
        debug.set(enabled);
    }

    /**
     * Debug mode's level: {@code true} records where every callback and future was created (as
     * {@code -Daio4j.debug=paranoid}), {@code false} a sample (the default level; see {@link Debug}).
     */
    public void setDebugParanoid(boolean all) {
        debug.setParanoid(all);
    }

    @Override
    public double slowCallbackDuration() {
        return debug.slowCallbackDuration();
    }

    @Override
    public void setSlowCallbackDuration(double seconds) {
        debug.setSlowCallbackDuration(seconds);
    }

    @Override
    public CreationSite creationSite(boolean always) {
        return debug.on ? debug.creationSite(always) : null;
    }

    @Override
    public LoopIo io() {
        return io;
    }

    @Override
    public String toString() {
        return "<SelectorEventLoop#" + id + " running=" + isRunning() + " closed=" + closed + " debug=" + isDebug()
                + " mode=" + (isNativeMode() ? "native" : "compat") + ">";
    }

    private static void logModeOnce(boolean nativeMode) {
        if (!MODE_LOGGED.compareAndSet(false, true)) {
            return;
        }
        if (nativeMode) {
            LOG.log(System.Logger.Level.INFO, "aio4j native mode: tasks are virtual threads scheduled by their event loop");
        } else {
            String why = VirtualThreads.unavailableReason();
            LOG.log(System.Logger.Level.INFO, "aio4j compatibility mode: tasks take strict turns with the loop (about 5 us a "
                    + "switch, and a JDK blocking call in a task blocks the loop)"
                    + (why != null ? " because " + why : "")
                    + ". For native mode run java with --add-opens java.base/java.lang=ALL-UNNAMED"
                    + " (on the module path: --add-opens java.base/java.lang=io.aio4j)");
        }
    }
}
