package io.aio4j.internal.loop;

import io.aio4j.AsyncCallable;
import io.aio4j.Coroutine;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.ExceptionHandler;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.internal.Describe;
import io.aio4j.internal.debug.NeverRetrieved;
import io.aio4j.internal.debug.OwedReports;
import io.aio4j.internal.loop.spi.LoopEngine;
import io.aio4j.internal.stats.LoopStats;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything an aio4j loop offers besides running: who holds it, its tasks, executors, the
 * exception handler, debug mode's switches, the reports owed by unfinished objects, and what a
 * monitor reads. Each method is a forward to the collaborator that owns the concern (see the
 * fields); the run loop itself (the ready queue, timers, the poller, scheduling, running and
 * closing) is {@link SelectorEventLoop}, its one subclass.
 */
abstract class LoopServices implements LoopCore, LoopEngine {
    private static final AtomicLong LOOP_IDS = new AtomicLong();

    /** The loop's id, unique in this JVM (the {@code #N} of its repr). */
    final long id = LOOP_IDS.incrementAndGet();
    /** The loop users hold: this loop, or the loop built on it by composition. */
    final EventLoop owner;
    // The collaborators. Package-private ones are also the run loop's: SelectorEventLoop reads them
    // directly, so its hot path has no forward.
    final LoopThreads threads;
    final LoopDebug debug = new LoopDebug(this);
    final ExceptionReporter errors;
    final TaskRegistry registry = new TaskRegistry(this);
    final EagerStart eager = new EagerStart();
    final LoopExecutors executors = new LoopExecutors(this);
    /** A monitor's counters (io.aio4j.internal.stats): plain-cost stores on the run loop, read from its thread. */
    final LoopStats stats = new LoopStats(this::time);
    private final LoopCore.Tasks tasks;
    /** Debug reports owed by unfinished objects, kept when a loop built on this one asks (aio4j-test). */
    private final OwedReports owedReports = new OwedReports();
    private final LoopProbe probe;

    /**
     * The services of a loop in {@code mode}, seen by users as {@code owner} (null: itself), on a
     * real-time clock or not (what a monitor shows).
     */
    LoopServices(SelectorEventLoop.Mode mode, EventLoop owner, boolean realTime) {
        this.owner = owner != null ? owner : this;
        if (owner != null) {
            // Its delegating frames are the library's, not user code, in creation sites and stack samples.
            Describe.addLibraryClass(owner.getClass());
        }
        this.threads = new LoopThreads(mode == SelectorEventLoop.Mode.NATIVE, this::execute);
        this.errors = new ExceptionReporter(this.owner);
        this.tasks = new LoopTasks(threads, registry, eager, debug);
        this.probe = new LoopProbe(id, this, threads, debug, stats, realTime);
    }

    /** The scheduler of native-mode task threads, and the way internal code queues work from anywhere. */
    public abstract void execute(Runnable r);

    @Override
    public EventLoop eventLoop() {
        return owner;
    }

    // ------------------------------------------------------------------ threads and tasks: see LoopThreads, LoopTasks

    @Override
    public boolean isNativeMode() {
        return threads.nativeMode();
    }

    @Override
    public boolean isRunning() {
        return threads.loopThread() != null;
    }

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
        return tasks;
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

    @Override
    public boolean eagerTasks() {
        return tasks.eagerTasks();
    }

    @Override
    public void setEagerTasks(boolean enabled) {
        tasks.setEagerTasks(enabled);
    }

    @Override
    public List<Task<?>> pendingTasks() {
        return tasks.pending();
    }

    /** {@code Aio.allTasks()} of this loop, also while it is not running: its tasks that are not done, in creation order. */
    public Set<Task<?>> allTasks() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(tasks.pending()));
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

    @Override
    public Runnable exceptionSet(Future<?> future, Throwable error) {
        return NeverRetrieved.track(this, owedReports, future, error);
    }

    // ------------------------------------------------------------------ debug mode: see LoopDebug

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

    // ------------------------------------------------------------------ owed reports (aio4j-test): see OwedReports

    /** The debug reports owed by this loop's unfinished futures, coroutines and resources. Any thread. */
    public OwedReports owedReports() {
        return owedReports;
    }

    @Override
    public void keepOwedReports() {
        owedReports.keep();
    }

    @Override
    public List<ExceptionContext> takeOwedReports() {
        return owedReports.take();
    }

    // ------------------------------------------------------------------ what a monitor reads: see LoopProbe

    /** What a monitor reads of this loop from its own thread (id, counters, who holds it). Any thread. */
    public LoopProbe probe() {
        return probe;
    }

    @Override
    public int openTransports() {
        return stats.sample().transports();
    }
}
