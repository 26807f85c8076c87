package io.aio4j.internal.loop;

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
import io.aio4j.internal.net.Connect;
import io.aio4j.internal.net.DatagramSocketTransport;
import io.aio4j.internal.net.Listen;
import io.aio4j.internal.net.Readiness;
import io.aio4j.internal.net.Resolver;
import io.aio4j.internal.net.SockOps;
import io.aio4j.internal.process.SignalHandlers;
import io.aio4j.internal.debug.Jfr;
import io.aio4j.internal.debug.NeverRetrieved;
import io.aio4j.internal.debug.PendingTasks;
import io.aio4j.internal.debug.ResourceWarnings;
import io.aio4j.internal.debug.SlowCallbacks;
import io.aio4j.internal.debug.TaskDump;
import io.aio4j.internal.debug.TaskDumpSignal;
import io.aio4j.internal.stats.LoopStats;
import io.aio4j.internal.stats.MonitorAutostart;
import io.aio4j.internal.stats.TaskHistory;
import io.aio4j.internal.task.Strand;
import io.aio4j.internal.task.VirtualThreads;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.DatagramEndpoint;
import io.aio4j.net.DatagramProtocol;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.TlsContext;
import io.aio4j.net.TlsOptions;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The event loop: asyncio's {@code BaseEventLoop} + {@code SelectorEventLoop} on a
 * {@link Selector} (epoll on Linux).
 */
public class SelectorEventLoop implements EventLoop {
    /*
     * Overview.
     *
     * One iteration (runOnce) is asyncio's _run_once:
     *   1. drain the thread-safe queue into the ready queue, purge cancelled timers;
     *   2. poll the selector: timeout 0 if anything is ready or the loop is stopping, else
     *      until the earliest timer (capped at 24 h), else forever; ready keys append their
     *      handlers (Runnables attached to the keys) to the ready queue;
     *   3. drain the thread-safe queue again, then move the due timers (when < now + resolution);
     *   4. run exactly the entries that are in the ready queue now; what they schedule waits.
     *
     * The ready queue holds Runnables: RealHandles (callSoon, timers, future callbacks),
     * continuations of native-mode tasks (handed to us by the JDK through `scheduler`), steps
     * of compatibility-mode tasks, and I/O handlers. Only the thread that holds the loop touches
     * it: the loop thread, or (compatibility mode) the task thread holding the turn. Every other
     * thread goes through `remote`, a lock-free queue; the selector is woken only when the loop
     * is polling or about to (pollState), so a busy loop pays no wakeup syscalls.
     *
     * Timers: a binary heap with lazy cancellation; compacted when more than 100 are
     * scheduled and over half of them are cancelled.
     */
    private static final System.Logger LOG = System.getLogger("aio4j");
    private static final double CLOCK_RESOLUTION = 1e-9;
    private static final double MAX_SELECT_TIMEOUT = 24 * 3600;
    private static final int MIN_SCHEDULED_TIMERS = 100;
    private static final long ORIGIN = System.nanoTime();
    private static final AtomicBoolean MODE_LOGGED = new AtomicBoolean();
    private static final AtomicLong LOOP_IDS = new AtomicLong();

    private static final int AWAKE = 0;
    private static final int POLLING = 1;
    private static final int WOKEN = 2;
    private static final VarHandle POLL_STATE;

    static {
        try {
            POLL_STATE = MethodHandles.lookup().findVarHandle(SelectorEventLoop.class, "pollState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long id = LOOP_IDS.incrementAndGet();
    private final boolean nativeMode;
    private final Selector selector;
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>(1024);
    private final ConcurrentLinkedQueue<Runnable> remote = new ConcurrentLinkedQueue<>();
    private final TimerHeap timers = new TimerHeap();
    private final Executor scheduler = this::execute;
    private final Consumer<SelectionKey> onSelected = this::onSelected;
    private final Thread.Builder.OfVirtual taskThreads;
    private final Set<Task<?>> liveTasks = new LinkedHashSet<>();
    private long timerSeq;
    private long iterations;
    private int cancelledTimers;
    @SuppressWarnings("unused") // through POLL_STATE
    private volatile int pollState;
    /** The thread running the loop; null when it is not running. */
    private volatile Thread thread;
    /** Compatibility mode: the task thread holding the turn, if any. */
    private volatile Thread turnHolder;
    private volatile boolean stopping;
    private volatile boolean closed;
    private SignalHandlers signalHandlers;
    private boolean debug;
    private double slowCallbackDuration = 0.1;
    private ExceptionHandler exceptionHandler;
    private ExecutorService defaultExecutor;
    private boolean executorShutdownCalled;
    /** The task whose step is running (for reports of slow steps). */
    private Task<?> steppingTask;
    private boolean eagerTasks;
    /** Eager start: the next step queued on the loop thread is captured, not queued. */
    private boolean capturing;
    private Runnable captured;
    /** Eager start from a task: run this first, then the step queued next (the creator's). */
    private Runnable eagerNext;
    /** Debug mode: the slow-callback watcher while the loop runs, sampled by the watchdog. */
    private SlowCallbacks slowCallbacks;
    /** Debug mode: the "unclosed event loop" warning. */
    private ResourceWarnings.Tracker unclosedWarning;
    /** Debug mode: the "Task was destroyed but it is pending!" trackers of pending tasks. */
    private final Map<Task<?>, Runnable> pendingTrackers = new IdentityHashMap<>();
    /** Monitor hook: counters a monitor reads from its own thread (io.aio4j.internal.stats). */
    private final LoopStats stats = new LoopStats(this::time);

    /** A loop in native mode when the JVM allows it, otherwise in compatibility mode. */
    public SelectorEventLoop() {
        this(Mode.fromSystemProperty());
    }

    /** A loop in the given mode; native mode falls back to compatibility when unavailable. */
    public SelectorEventLoop(Mode mode) {
        this.nativeMode = mode == Mode.NATIVE && VirtualThreads.nativeAvailable();
        logModeOnce(nativeMode);
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.taskThreads = nativeMode ? VirtualThreads.builder(scheduler) : null;
        this.debug = Debug.ENABLED_BY_DEFAULT;
        if (debug) {
            LOG.log(System.Logger.Level.DEBUG, "Using selector: " + selector.getClass().getSimpleName());
            watchUnclosed();
        }
        Loops.add(this);
        TaskDumpSignal.installFromProperty();
        MonitorAutostart.startOnce(); // monitor hook: -Daio4j.monitor
    }

    /** How tasks get the loop; see the README, "native mode". */
    public enum Mode {
        /** Tasks are virtual threads scheduled by the loop itself. */
        NATIVE,
        /** Tasks are ordinary virtual threads taking strict turns with the loop. */
        COMPAT;

        /** {@code -Daio4j.mode=compat} forces compatibility mode; the default is native. */
        static Mode fromSystemProperty() {
            return "compat".equalsIgnoreCase(System.getProperty("aio4j.mode")) ? COMPAT : NATIVE;
        }
    }

    /** {@code loop} as aio4j's implementation, or {@link IllegalArgumentException}. */
    public static SelectorEventLoop of(EventLoop loop) {
        if (loop instanceof SelectorEventLoop s) {
            return s;
        }
        throw new IllegalArgumentException("not an aio4j event loop (make one with Aio.newEventLoop()): " + loop);
    }

    /** Whether tasks run on loop-scheduled virtual threads. */
    public boolean isNativeMode() {
        return nativeMode;
    }

    // ------------------------------------------------------------------ time and callbacks

    @Override
    public double time() {
        return (nanoTime() - ORIGIN) / 1e9;
    }

    /** The clock behind {@link #time()}, in nanoseconds; a virtual-time loop overrides it. */
    protected long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Handle callSoon(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        return enqueueHandle(new RealHandle(callback, RealHandle.NO_ARG, creationSite()));
    }

    /** callSoon of {@code callback.accept(arg)} without a capturing lambda (future callbacks). */
    public Handle callSoon(Consumer<Object> callback, Object arg) {
        return enqueueHandle(new RealHandle(callback, arg, creationSite()));
    }

    private Handle enqueueHandle(RealHandle h) {
        checkNotClosed();
        if (inLoopThread()) {
            ready.addLast(h);
        } else if (debug && thread != null) {
            throw wrongThread();
        } else {
            enqueueRemote(h);
        }
        return h;
    }

    @Override
    public Handle callSoonThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkNotClosed();
        RealHandle h = new RealHandle(callback, RealHandle.NO_ARG, creationSite());
        enqueueRemote(h);
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
        RealTimerHandle h = new RealTimerHandle(when, timerSeq++, callback, this, creationSite());
        if (thread == null || inLoopThread()) {
            timers.add(h);
        } else if (debug) {
            throw wrongThread();
        } else {
            enqueueRemote(() -> timers.add(h));
        }
        return h;
    }

    /** The scheduler of native-mode task threads, and the way internal code queues work from anywhere. */
    public void execute(Runnable r) {
        if (inLoopThread()) {
            if (capturing) {
                capturing = false;
                captured = r;
            } else if (eagerNext != null) {
                ready.addFirst(r);
                ready.addFirst(eagerNext);
                eagerNext = null;
            } else {
                ready.addLast(r);
            }
        } else if (!closed) {
            enqueueRemote(r);
        }
        // A closed loop drops continuations: their tasks can never run again.
    }

    private void enqueueRemote(Runnable r) {
        remote.offer(r);
        if ((int) POLL_STATE.getVolatile(this) == POLLING && POLL_STATE.compareAndSet(this, POLLING, WOKEN)) {
            selector.wakeup();
        }
    }

    void timerCancelled() {
        cancelledTimers++;
    }

    /** How many timers are in the heap, cancelled ones included (for tests of the compaction rule). */
    public int scheduledTimerCount() {
        return timers.size();
    }

    // ------------------------------------------------------------------ threads

    /** Whether the current thread holds this loop: its thread, a task mounted on it, or the task holding the turn. */
    public boolean inLoopThread() {
        Thread t = Thread.currentThread();
        Thread lt = thread;
        if (t == lt) {
            return true;
        }
        if (lt == null) {
            return false;
        }
        return nativeMode ? t.isVirtual() && VirtualThreads.currentCarrier() == lt : t == turnHolder;
    }

    /** Debug mode's wrong-thread check: throws when called off the loop's thread while it runs. */
    public void checkThread() {
        if (thread != null && !inLoopThread()) {
            throw wrongThread();
        }
    }

    /** Whether the debug-mode thread checks are on. */
    public boolean debugChecks() {
        return debug;
    }

    private static IllegalStateException wrongThread() {
        return new IllegalStateException("Non-thread-safe operation invoked on an event loop other than the current one"
                + " (from other threads use callSoonThreadsafe() or Aio.runCoroutineThreadsafe())");
    }

    // ------------------------------------------------------------------ tasks

    /** A strand for a new task's body, in this loop's mode. */
    public Strand newStrand(Runnable body, String name) {
        if (nativeMode) {
            return VirtualThreads.nativeStrand(taskThreads, body, name);
        }
        return VirtualThreads.compatStrand(body, name, this::execute, holder -> turnHolder = holder);
    }

    /** Whether new tasks start eagerly: their body runs at once until it first suspends (asyncio's eager_task_factory). */
    public boolean eagerTasks() {
        return eagerTasks;
    }

    /** Turns eager task start on or off for tasks created from now on. */
    public void setEagerTasks(boolean enabled) {
        this.eagerTasks = enabled;
    }

    /** Eager start: runs {@code start} (which queues a task's first step) and returns that step instead of queueing it. */
    public Runnable captureFirstStep(Runnable start) {
        capturing = true;
        try {
            start.run();
        } finally {
            capturing = false;
        }
        Runnable first = captured;
        captured = null;
        return first;
    }

    /**
     * Eager start from a task: the next step queued from the loop thread (the creator's
     * resumption, as it gives the loop up) goes to the front of the ready queue, behind {@code first}.
     */
    public void runNextThenResume(Runnable first) {
        eagerNext = first;
    }

    /** Registers a new task as pending (for {@code Aio.allTasks}). */
    public void taskCreated(Task<?> task) {
        liveTasks.add(task);
        TaskHistory.created(task); // monitor hook
        if (debug) {
            pendingTrackers.put(task, PendingTasks.track(this, task));
        }
        if (Jfr.AVAILABLE) {
            Jfr.taskCreated(task);
        }
    }

    /** Unregisters a task that is finishing. */
    public void taskFinished(Task<?> task) {
        liveTasks.remove(task);
        // Called on the task's thread as its last step ends: the step to name if it was slow.
        steppingTask = task;
        if (!pendingTrackers.isEmpty()) {
            Runnable tracker = pendingTrackers.remove(task);
            if (tracker != null) {
                tracker.run();
            }
        }
        if (Jfr.AVAILABLE) {
            Jfr.taskFinished(task);
        }
    }

    /** A task's body (re)gained the loop: slow-step reports name it. */
    public void stepResumed(Task<?> task) {
        steppingTask = task;
        SlowCallbacks watch = slowCallbacks;
        if (watch != null) {
            // Called on the task's own thread: that is the thread to sample while the step overruns.
            watch.stepResumed(Thread.currentThread());
        }
    }

    /** The tasks of this loop that are not done. */
    public Set<Task<?>> allTasks() {
        return Set.copyOf(liveTasks);
    }

    /**
     * A future finished with {@code error}: watches it for the "exception was never retrieved"
     * report (in every mode, as asyncio does); returns what the future runs once it is retrieved.
     */
    public Runnable exceptionSet(Future<?> future, Throwable error) {
        return NeverRetrieved.track(this, future, error);
    }

    /** The pending tasks, live (not a copy): read by task dumps from any thread. */
    public Set<Task<?>> pendingTaskList() {
        return liveTasks;
    }

    @Override
    public String dumpTasks() {
        return TaskDump.of(this);
    }

    private void watchUnclosed() {
        if (unclosedWarning == null && !closed) {
            unclosedWarning = ResourceWarnings.register(this, "unclosed event loop " + this, Debug.captureSource());
        }
    }

    @Override
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return EventLoop.super.createTask(coroutine);
    }

    // ------------------------------------------------------------------ running

    @Override
    public void runForever() {
        checkNotClosed();
        checkNotRunning();
        Thread me = Thread.currentThread();
        if (nativeMode && me.isVirtual()) {
            throw new IllegalStateException("a native-mode event loop must run on a platform thread: its tasks are "
                    + "virtual threads mounted on it (run it from a platform thread, or use -Daio4j.mode=compat)");
        }
        thread = me;
        stats.runStarted(); // monitor hook
        Current.set(this);
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
                me.interrupt();
            }
            stopping = false;
            thread = null;
            steppingTask = null;
            if (slowCallbacks != null) {
                slowCallbacks.stop();
                slowCallbacks = null;
            }
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
        if (fut.loop() != this) {
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
        if (thread != null && !inLoopThread()) {
            enqueueRemote(() -> { });
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Throws {@code "Event loop is closed"} if it is. */
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
        if (debug) {
            LOG.log(System.Logger.Level.DEBUG, "Close " + this);
        }
        closed = true;
        if (signalHandlers != null) {
            signalHandlers.removeAll();
        }
        if (!liveTasks.isEmpty()) {
            List<Task<?>> pending = new ArrayList<>(liveTasks);
            pendingTrackers.values().forEach(Runnable::run);
            pendingTrackers.clear();
            PendingTasks.reportAtClose(this, pending);
        }
        if (unclosedWarning != null) {
            unclosedWarning.close();
        }
        ready.clear();
        remote.clear();
        timers.clear();
        ExecutorService executor = defaultExecutor;
        if (executor != null) {
            defaultExecutor = null;
            executor.shutdown();
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "error closing the selector of " + this, e);
        }
    }

    /** One iteration: asyncio's {@code _run_once}. */
    private void runOnce() {
        iterations++;
        drainRemote();
        purgeCancelledTimers();

        double timeout;
        if (!ready.isEmpty() || stopping) {
            timeout = 0;
        } else if (!timers.isEmpty()) {
            timeout = Math.min(Math.max(0, timers.peek().when - time()), MAX_SELECT_TIMEOUT);
        } else {
            timeout = Double.POSITIVE_INFINITY;
        }
        poll(timeout);
        drainRemote();

        double end = time() + CLOCK_RESOLUTION;
        boolean lagged = false;
        while (!timers.isEmpty() && timers.peek().when < end) {
            RealTimerHandle h = timers.poll();
            if (h.cancelled) {
                cancelledTimers--;
            } else {
                if (!lagged && Jfr.AVAILABLE) {
                    lagged = true;
                    Jfr.loopLag(this, (long) ((end - h.when) * 1e9));
                }
                ready.addLast(h);
            }
        }

        int n = ready.size();
        stats.stepsBegin(n, timers.size(), end); // monitor hook
        if (debug) {
            for (int i = 0; i < n; i++) {
                runTimed(ready.pollFirst());
            }
        } else {
            for (int i = 0; i < n; i++) {
                runOne(ready.pollFirst());
            }
        }
        stats.stepsEnd(); // monitor hook
    }

    private void purgeCancelledTimers() {
        int n = timers.size();
        if (n > MIN_SCHEDULED_TIMERS && cancelledTimers * 2 > n) {
            timers.removeCancelled();
            cancelledTimers = 0;
        } else {
            while (!timers.isEmpty() && timers.peek().cancelled) {
                timers.poll();
                cancelledTimers--;
            }
        }
    }

    private void drainRemote() {
        Runnable r;
        while ((r = remote.poll()) != null) {
            ready.addLast(r);
        }
    }

    /**
     * Waits up to {@code timeoutSeconds} (infinite: until woken) for I/O, appending the handlers
     * of ready keys to the ready queue. A virtual-time loop overrides it to move its clock.
     */
    protected void poll(double timeoutSeconds) {
        try {
            if (timeoutSeconds <= 0) {
                selector.selectNow(onSelected);
                return;
            }
            POLL_STATE.setVolatile(this, POLLING);
            try {
                if (!remote.isEmpty()) {
                    selector.selectNow(onSelected);
                } else if (timeoutSeconds == Double.POSITIVE_INFINITY) {
                    selector.select(onSelected, 0);
                } else {
                    long ms = Math.max(1, (long) Math.ceil(timeoutSeconds * 1e3));
                    long t0 = debug ? System.nanoTime() : 0;
                    int events = selector.select(onSelected, ms);
                    if (debug) {
                        logSlowPoll(timeoutSeconds, (System.nanoTime() - t0) / 1e9, events);
                    }
                }
            } finally {
                POLL_STATE.setVolatile(this, AWAKE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed in " + this, e);
        }
    }

    /** How many iterations the loop has run (for tests: a spinning loop shows here). */
    public long iterationCount() {
        return iterations;
    }

    /** Whether work from other threads is waiting to be drained into the ready queue. */
    protected boolean hasRemoteWork() {
        return !remote.isEmpty();
    }

    /** Whether callbacks are queued for the next iteration. */
    protected boolean hasReadyWork() {
        return !ready.isEmpty();
    }

    private void onSelected(SelectionKey key) {
        if (key.attachment() instanceof Runnable handler) {
            ready.addLast(handler);
        }
    }

    /** The loop's selector, for the I/O support that registers channels on it. */
    public Selector selector() {
        return selector;
    }

    private void runOne(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            callbackFailed(r, t);
        }
    }

    private void runTimed(Runnable r) {
        steppingTask = null;
        SlowCallbacks watch = slowCallbacks;
        if (watch == null) {
            watch = new SlowCallbacks(thread);
            watch.start(slowCallbackDuration);
            slowCallbacks = watch;
        }
        long t0 = watch.begin(slowCallbackDuration);
        runOne(r);
        watch.end(t0, steppingTask, r, slowCallbackDuration);
    }

    /** asyncio's debug log of a timed poll: INFO from 1 s, DEBUG from slowCallbackDuration, TRACE below. */
    private void logSlowPoll(double timeout, double dt, int events) {
        System.Logger.Level level = dt >= 1.0 ? System.Logger.Level.INFO
                : dt >= slowCallbackDuration ? System.Logger.Level.DEBUG : System.Logger.Level.TRACE;
        if (LOG.isLoggable(level)) {
            LOG.log(level, String.format(Locale.ROOT, "poll %.3f ms took %.3f ms: %d events", timeout * 1e3, dt * 1e3, events));
        }
    }

    private void callbackFailed(Runnable r, Throwable t) {
        Handle handle = r instanceof Handle h ? h : null;
        StackTraceElement[] source = r instanceof RealHandle rh ? rh.sourceTraceback() : null;
        callExceptionHandler(new ExceptionContext("Exception in callback " + r, t, null, null, handle, null, null, source));
    }

    // ------------------------------------------------------------------ executors

    @Override
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> fn) {
        Objects.requireNonNull(fn, "fn");
        checkNotClosed();
        if (debug) {
            checkThread();
        }
        Executor target = executor != null ? executor : defaultExecutor();
        Future<T> fut = createFuture();
        FutureTask<T> job = new FutureTask<>(fn) {
            @Override
            protected void done() {
                if (isCancelled()) {
                    return;
                }
                Runnable copy = switch (state()) {
                    case SUCCESS -> {
                        T value = resultNow();
                        yield () -> {
                            if (!fut.isDone()) {
                                fut.setResult(value);
                            }
                        };
                    }
                    default -> {
                        Throwable error = exceptionNow();
                        yield () -> {
                            if (!fut.isDone()) {
                                fut.setException(error);
                            }
                        };
                    }
                };
                Handoff.callSoonThreadsafe(SelectorEventLoop.this, copy);
            }
        };
        fut.addDoneCallback(f -> {
            if (f.isCancelled()) {
                job.cancel(false);
            }
        });
        target.execute(job);
        return fut;
    }

    private ExecutorService defaultExecutor() {
        if (executorShutdownCalled) {
            throw new IllegalStateException("Executor shutdown has been called");
        }
        ExecutorService executor = defaultExecutor;
        if (executor == null) {
            executor = DefaultExecutor.create();
            defaultExecutor = executor;
        }
        return executor;
    }

    @Override
    public void setDefaultExecutor(ExecutorService executor) {
        this.defaultExecutor = executor;
    }

    @Override
    public Future<Void> shutdownDefaultExecutor(double timeoutSeconds) {
        executorShutdownCalled = true;
        Future<Void> done = createFuture();
        ExecutorService executor = defaultExecutor;
        if (executor == null) {
            done.setResult(null);
            return done;
        }
        Thread.ofPlatform().daemon().name("aio4j-executor-shutdown").start(() -> {
            executor.shutdown();
            try {
                long nanos = timeoutSeconds >= Long.MAX_VALUE / 1e9 ? Long.MAX_VALUE : (long) (timeoutSeconds * 1e9);
                if (!executor.awaitTermination(nanos, TimeUnit.NANOSECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, String.format(Locale.ROOT,
                            "The executor did not finish joining its threads within %.1f seconds.", timeoutSeconds));
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Handoff.callSoonThreadsafe(this, () -> {
                    if (!done.isDone()) {
                        done.setResult(null);
                    }
                });
        });
        return done;
    }

    // ------------------------------------------------------------------ errors and debug

    @Override
    public void setExceptionHandler(ExceptionHandler handler) {
        this.exceptionHandler = handler;
    }

    @Override
    public ExceptionHandler exceptionHandler() {
        return exceptionHandler;
    }

    @Override
    public void callExceptionHandler(ExceptionContext context) {
        ExceptionHandler handler = exceptionHandler;
        if (handler == null) {
            try {
                defaultExceptionHandler(context);
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.ERROR, "Exception in default exception handler", t);
            }
            return;
        }
        try {
            handler.handle(this, context);
        } catch (Throwable t) {
            try {
                defaultExceptionHandler(new ExceptionContext("Unhandled error in exception handler", t,
                        null, null, null, null, null, null));
                defaultExceptionHandler(context);
            } catch (Throwable again) {
                LOG.log(System.Logger.Level.ERROR, "Exception in default exception handler "
                        + "while handling an unexpected error in custom exception handler", again);
            }
        }
    }

    @Override
    public void defaultExceptionHandler(ExceptionContext context) {
        LOG.log(System.Logger.Level.ERROR, ExceptionReport.format(context), context.exception());
    }

    @Override
    public boolean isDebug() {
        return debug;
    }

    @Override
    public void setDebug(boolean enabled) {
        this.debug = enabled;
        if (enabled) {
            watchUnclosed();
        }
    }

    @Override
    public double slowCallbackDuration() {
        return slowCallbackDuration;
    }

    @Override
    public void setSlowCallbackDuration(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("slowCallbackDuration < 0 or NaN: " + seconds);
        }
        this.slowCallbackDuration = seconds;
    }

    /** Where a Handle/Future/Task is being created, in debug mode; null otherwise. */
    public StackTraceElement[] sourceTraceback() {
        return debug ? Debug.captureSource() : null;
    }

    // ------------------------------------------------------------------ networking: see io.aio4j.internal.net

    @Override
    public void addReader(SelectableChannel channel, Runnable callback) {
        Readiness.of(this, channel).setReader(Objects.requireNonNull(callback, "callback"));
    }

    @Override
    public boolean removeReader(SelectableChannel channel) {
        return Readiness.of(this, channel).removeReader();
    }

    @Override
    public void addWriter(SelectableChannel channel, Runnable callback) {
        Readiness.of(this, channel).setWriter(Objects.requireNonNull(callback, "callback"));
    }

    @Override
    public boolean removeWriter(SelectableChannel channel) {
        return Readiness.of(this, channel).removeWriter();
    }

    @Override
    public Future<byte[]> sockRecv(SocketChannel channel, int n) {
        return SockOps.recv(this, channel, n);
    }

    @Override
    public Future<Integer> sockRecvInto(SocketChannel channel, ByteBuffer buffer) {
        return SockOps.recvInto(this, channel, buffer);
    }

    @Override
    public Future<Void> sockSendall(SocketChannel channel, ByteBuffer data) {
        return SockOps.sendall(this, channel, data);
    }

    @Override
    public Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        return SockOps.connect(this, channel, address);
    }

    @Override
    public Future<SocketChannel> sockAccept(ServerSocketChannel channel) {
        return SockOps.accept(this, channel);
    }

    @Override
    public Future<List<InetSocketAddress>> getaddrinfo(String host, int port) {
        return Resolver.getaddrinfo(this, host, port);
    }

    @Override
    public <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> factory, String host, int port,
            ConnectOptions options) {
        return Connect.createConnection(this, factory, host, port, options);
    }

    @Override
    public Future<Server> createServer(Supplier<? extends Protocol> factory, String host, int port,
            ServerOptions options) {
        return Listen.createServer(this, factory, host, port, options);
    }

    @Override
    public <P extends Protocol> Future<Connection<P>> createUnixConnection(Supplier<P> factory, Path path,
            ConnectOptions options) {
        return Connect.createUnixConnection(this, factory, path, options);
    }

    @Override
    public Future<Server> createUnixServer(Supplier<? extends Protocol> factory, Path path, ServerOptions options) {
        return Listen.createUnixServer(this, factory, path, options);
    }

    @Override
    public <P extends Protocol> Future<Connection<P>> connectAcceptedSocket(Supplier<P> factory, SocketChannel channel,
            TlsContext tls) {
        return Connect.connectAcceptedSocket(this, factory, channel, tls);
    }

    @Override
    public <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(Supplier<P> factory,
            InetSocketAddress local, InetSocketAddress remote) {
        return DatagramSocketTransport.create(this, factory, local, remote);
    }

    @Override
    public Future<Transport> startTls(Transport transport, Protocol protocol, TlsOptions options) {
        return Connect.startTls(this, transport, protocol, options);
    }

    /** Where a Handle/Future/Task is being created, in debug mode, converted to frames only when shown; null otherwise. */
    public CreationSite creationSite() {
        return debug ? new CreationSite() : null;
    }

    @Override
    public String toString() {
        return "<SelectorEventLoop#" + id + " running=" + isRunning() + " closed=" + closed + " debug=" + debug
                + " mode=" + (nativeMode ? "native" : "compat") + ">";
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

    // ------------------------------------------------------------------ monitor hooks: read by io.aio4j.internal.stats

    /** This loop's counters for a monitor. */
    public LoopStats stats() {
        return stats;
    }

    /** The loop's id, unique in this JVM (the {@code #N} of its repr). */
    public long id() {
        return id;
    }

    /** The thread running the loop, or null when it is not running. */
    public Thread loopThread() {
        return thread;
    }

    /** Compatibility mode: the task thread holding the turn, or null. */
    public Thread turnHolder() {
        return turnHolder;
    }

    /** The task whose step ran last (a monitor's hint for which task holds the loop); may be stale. */
    public Task<?> steppingTask() {
        return steppingTask;
    }

    // ------------------------------------------------------------------ signals

    @Override
    public void addSignalHandler(int signal, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkNotClosed();
        if (signalHandlers == null) {
            signalHandlers = new SignalHandlers(this);
        }
        signalHandlers.add(signal, callback);
    }

    @Override
    public boolean removeSignalHandler(int signal) {
        return signalHandlers != null ? signalHandlers.remove(signal) : SignalHandlers.checkOnly(signal);
    }
}
