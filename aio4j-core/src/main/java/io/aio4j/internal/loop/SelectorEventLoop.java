package io.aio4j.internal.loop;

import io.aio4j.Awaitable;
import io.aio4j.Coroutine;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Handle;
import io.aio4j.TimerHandle;
import io.aio4j.internal.debug.Jfr;
import io.aio4j.internal.debug.TaskDumpSignal;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.spi.LoopClock;
import io.aio4j.internal.loop.spi.LoopEngine;
import io.aio4j.internal.loop.spi.Poller;
import io.aio4j.internal.loop.spi.PollerFactory;
import io.aio4j.internal.stats.MonitorAutostart;
import io.aio4j.internal.task.VirtualThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * The event loop: asyncio's {@code BaseEventLoop} run loop on a {@link Selector} (epoll on
 * Linux): the ready queue, other threads' work, timers, the poll, scheduling ({@code callSoon},
 * {@code callAt}, {@link #execute}), running and closing. Everything else a loop offers (tasks,
 * executors, the exception handler, debug mode, what a monitor reads) is {@link LoopServices},
 * which it extends. A loop built on it by composition (the virtual-time {@code TestLoop}, through
 * {@link LoopEngine#create}) injects its clock and poller and is the {@linkplain #eventLoop() loop
 * users see}. Nothing overrides its methods: core's own test loops that extend it only pass a
 * clock and a poller to its constructor.
 *
 * <p>I/O latency bound: while callbacks are ready the loop polls the selector (a system call that
 * could not wait) only every {@value #POLL_EVERY_ITERATIONS} iterations, or once 200 µs
 * ({@link #POLL_EVERY_NANOS}) have passed since the last poll; see "The poll" in the overview.
 */
public class SelectorEventLoop extends LoopServices {
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
     * threads' scheduler), steps of compatibility-mode tasks, and I/O handlers. Only the thread
     * that holds the loop (LoopThreads) touches it: the loop thread, or (compatibility mode) the
     * task thread holding the turn. Every other thread goes through `remote` (ThreadsafeQueue: a
     * lock-free queue and the wakeup protocol).
     *
     * Timers: a binary heap with lazy cancellation (TimerHeap); compacted when more than 100 are
     * scheduled and over half of them are cancelled.
     *
     * The other collaborators, and which class does what, are in docs/architecture.md ("The loop").
     */
    private static final System.Logger LOG = AioLogger.LOG;
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

    private final LoopClock clock;
    private final Selector selector;
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>(1024);
    private final ThreadsafeQueue remote = new ThreadsafeQueue(this::wakeUpPoller);
    private final Poller poller;
    private final TimerHeap timers = new TimerHeap();
    private final LoopIo io;
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
        super(mode, owner, clock == LoopClock.SYSTEM);
        this.skipBusyPolls = owner == null;
        logModeOnce(threads);
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.poller = pollers.create(new SelectorPoller(this, selector, remote, this::onSelected), this);
        this.io = new LoopIo(this, this.owner);
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

    @Override
    public void execute(Runnable r) {
        if (inLoopThread()) {
            if (!eager.intercept(r, ready)) {
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
        if (!registry.isEmpty()) {
            registry.closing();
            closing = true;
            try {
                PendingTasksAtClose.end(this, threads, registry.snapshot(), ready, remote, this::runOne);
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
    public long iterationCount() {
        return iterations;
    }

    @Override
    public void onIteration(LongConsumer hook) {
        this.iterationHook = hook;
    }

    @Override
    public boolean anyTimer(Predicate<? super TimerHandle> which) {
        return timers.any(which);
    }

    @Override
    public boolean hasPendingWork() {
        return !ready.isEmpty() || !remote.isEmpty();
    }

    /** The loop's selector, for the I/O support that registers channels on it. */
    public Selector selector() {
        return selector;
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

    /**
     * Says once per JVM which mode tasks run in (the text is {@link LoopThreads#modeAnnouncement}).
     * The log record's source is this method: tests of a child JVM's output filter it by that name.
     */
    private static void logModeOnce(LoopThreads threads) {
        if (MODE_LOGGED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, threads.modeAnnouncement());
        }
    }
}
