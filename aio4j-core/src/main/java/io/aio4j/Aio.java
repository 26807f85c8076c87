package io.aio4j;

import io.aio4j.internal.Sneaky;
import io.aio4j.internal.loop.Current;
import io.aio4j.internal.loop.LoopCore;
import io.aio4j.internal.time.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The entry points of aio4j, named after asyncio's module functions: {@link #run} starts a
 * program, {@link #await} waits inside a task, {@link #createTask} runs things concurrently.
 *
 * <pre>{@code
 *   Aio.run(() -> {
 *       Task<String> a = Aio.createTask(() -> fetch("a"));
 *       Aio.sleep(0.5);
 *       return Aio.await(a);
 *   });
 * }</pre>
 *
 * <p>The methods that wait ({@code await}, {@code sleep}, {@code toThread}) may only be
 * called from a task's body; outside one they throw {@link IllegalStateException}.
 */
public final class Aio {
    private static final double SHUTDOWN_EXECUTOR_TIMEOUT = 300;

    private Aio() {
    }

    // ------------------------------------------------------------------ entry points

    /**
     * asyncio.run: makes a new loop, runs {@code main} as its first task until it is done,
     * cancels the tasks left, shuts the default executor down, closes the loop, and returns
     * {@code main}'s result or rethrows its exception (the same instance). Called on the JVM's
     * {@code main} thread, it also takes Ctrl-C over for the run, as {@code asyncio.Runner}
     * does: the first SIGINT cancels {@code main} (and Aio.run then throws a
     * {@link CancelledException} {@code "Aio.run() was interrupted by SIGINT (Ctrl-C)"}), a
     * second one ends the JVM as an ordinary Ctrl-C would.
     *
     * @throws IllegalStateException {@code "Aio.run() cannot be called from a running event loop"}
     */
    public static <T> T run(AsyncCallable<T> main) {
        return run(main, options());
    }

    /** {@link #run(AsyncCallable)} with options, e.g. {@code Aio.options().debug(true)}. */
    public static <T> T run(AsyncCallable<T> main, RunOptions options) {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(options, "options");
        if (Current.get() != null) {
            throw new IllegalStateException("Aio.run() cannot be called from a running event loop");
        }
        // A loop whose tasks are mounted on it needs a platform thread; on a virtual one, take turns instead.
        EventLoop loop = LoopCore.newEventLoop(Thread.currentThread().isVirtual());
        options.applyTo(loop);
        Task<T> task = loop.createTask(main);
        try {
            return LoopCore.runMain(loop, task);
        } finally {
            try {
                Shutdown.cancelAllTasks(loop);
                loop.runUntilComplete(loop.shutdownDefaultExecutor(SHUTDOWN_EXECUTOR_TIMEOUT));
            } finally {
                loop.close();
            }
        }
    }

    /** {@link #run(AsyncCallable)} for a body without a result. */
    public static void run(AsyncRunnable main) {
        run(Bodies.of(main), options());
    }

    /** {@link #run(AsyncCallable, RunOptions)} for a body without a result. */
    public static void run(AsyncRunnable main, RunOptions options) {
        run(Bodies.of(main), options);
    }

    /** A new set of options for {@link #run(AsyncCallable, RunOptions)}. */
    public static RunOptions options() {
        return new RunOptions();
    }

    /** A new event loop (not running, not current). Close it when done. */
    public static EventLoop newEventLoop() {
        return LoopCore.newEventLoop(false);
    }

    /**
     * A {@link LoopGroup} of one loop per available processor ({@link Runtime#availableProcessors()}),
     * each on its own platform thread and running when this returns. Close it when done.
     */
    public static LoopGroup newLoopGroup() {
        return newLoopGroup(Runtime.getRuntime().availableProcessors());
    }

    /**
     * A {@link LoopGroup} of {@code n} loops, each on its own platform thread named
     * {@code aio4j-loop-<group>-<i>}, in native mode when the JVM allows it (as {@link #newEventLoop()}),
     * running when this returns. Close it when done.
     *
     * @throws IllegalArgumentException {@code "n < 1: 0"}
     */
    public static LoopGroup newLoopGroup(int n) {
        return LoopCore.newLoopGroup(n);
    }

    /**
     * The one-line entry point of a server that uses every core: runs {@code main} as a task on every
     * loop of a new {@link LoopGroup} of one loop per available processor (Vert.x's "instances"), waits
     * until all end, closes the group and returns their results in loop order. If one fails, the others
     * are cancelled and its exception is rethrown (the same instance).
     *
     * <pre>{@code
     *   Aio.runOnEachCore(() -> {       // one server socket per loop, SO_REUSEPORT spreads the connections
     *       Streams.startServer(Echo::handle, "0.0.0.0", 8888, ServerOptions.defaults().reusePort(true)).serveForever();
     *   });
     * }</pre>
     *
     * @throws IllegalStateException {@code "Aio.runOnEachCore() cannot be called from a running event loop"}
     */
    public static <T> List<T> runOnEachCore(AsyncCallable<T> main) {
        Objects.requireNonNull(main, "main");
        if (Current.get() != null) {
            throw new IllegalStateException("Aio.runOnEachCore() cannot be called from a running event loop");
        }
        try (LoopGroup group = newLoopGroup()) {
            return RunOnEach.allOrFirstFailure(group.runOnEach(main));
        }
    }

    /** {@link #runOnEachCore(AsyncCallable)} for a body without a result. */
    public static void runOnEachCore(AsyncRunnable main) {
        runOnEachCore(Bodies.of(main));
    }

    /** A lazy, one-shot coroutine of {@code body}: nothing runs until it is awaited or made a task. */
    public static <T> Coroutine<T> async(AsyncCallable<T> body) {
        return new Coroutine<>(body, null);
    }

    /** {@link #async(AsyncCallable)} for a body without a result: awaiting it gives {@code null}. */
    public static Coroutine<Void> async(AsyncRunnable body) {
        Bodies.Runnable callable = Bodies.of(body);
        return new Coroutine<>(callable, callable.name());
    }

    // ------------------------------------------------------------------ inside a task

    /**
     * Waits for {@code awaitable} and returns its result, or rethrows its exception (the same
     * instance, checked ones included: catch {@code Exception} and test with {@code instanceof}).
     * A done future returns at once without giving up the loop; a coroutine runs inline.
     *
     * @throws CancelledException if the awaited future was cancelled, or this task was
     * @throws IllegalStateException outside a task, or when a task awaits itself
     */
    public static <T> T await(Awaitable<T> awaitable) {
        Objects.requireNonNull(awaitable, "awaitable");
        Task<?> task = currentTaskOrThrow("await");
        return switch (awaitable) {
            case Future<T> f -> task.await(f);
            case Coroutine<T> c -> c.runInline();
        };
    }

    /**
     * Waits for a {@link CompletionStage} (a {@link CompletableFuture}, a client library's future…)
     * completed by any thread. Cancelling the task cancels the stage if it is a {@code Future}.
     */
    public static <T> T await(CompletionStage<T> stage) {
        Objects.requireNonNull(stage, "stage");
        Task<?> task = currentTaskOrThrow("await");
        if (stage instanceof CompletableFuture<T> cf && cf.isDone()) {
            return switch (cf.state()) {
                case SUCCESS -> cf.resultNow();
                case FAILED -> throw Sneaky.raise(cf.exceptionNow());
                default -> throw new CancelledException();
            };
        }
        return task.await(Future.of(stage, task.loop()));
    }

    /**
     * Suspends the current task for {@code seconds} of loop time. {@code 0} or less gives the
     * loop one iteration and resumes (asyncio's {@code sleep(0)}).
     *
     * @throws IllegalArgumentException {@code "Invalid delay: NaN (not a number)"}
     */
    public static void sleep(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("Invalid delay: NaN (not a number)");
        }
        Task<?> task = currentTaskOrThrow("sleep");
        if (seconds <= 0) {
            task.yieldOnce();
            return;
        }
        EventLoop loop = task.loop();
        Future<Void> wakeup = loop.createFuture();
        TimerHandle timer = loop.callLater(seconds, () -> wakeup.trySetResult(null));
        try {
            task.await(wakeup);
        } finally {
            timer.cancel();
        }
    }

    /** {@link #sleep(double)} for a {@link Duration} (one of 292 years or more sleeps forever). */
    public static void sleep(Duration delay) {
        sleep(Durations.toSeconds(delay, "delay"));
    }

    /** Wraps {@code body} in a task of the running loop, starting on its next iteration. */
    public static <T> Task<T> createTask(AsyncCallable<T> body) {
        return getRunningLoop().createTask(body);
    }

    /** {@link #createTask(AsyncCallable)} with a name. */
    public static <T> Task<T> createTask(AsyncCallable<T> body, String name) {
        return getRunningLoop().createTask(body, name);
    }

    /** {@link #createTask(AsyncCallable)} for a body without a result (the task's result is {@code null}). */
    public static Task<Void> createTask(AsyncRunnable body) {
        return getRunningLoop().createTask(body);
    }

    /** {@link #createTask(AsyncCallable, String)} for a body without a result. */
    public static Task<Void> createTask(AsyncRunnable body, String name) {
        return getRunningLoop().createTask(body, name);
    }

    /** Wraps {@code coroutine} in a task of the running loop, consuming it. */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        return getRunningLoop().createTask(coroutine);
    }

    /** The task whose body is running, or {@code null} (in a callback, or off the loop). */
    public static Task<?> currentTask() {
        return Current.get() instanceof Task<?> task ? task : null;
    }

    /** The tasks of the running loop that are not done. */
    public static Set<Task<?>> allTasks() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(LoopCore.require(getRunningLoop()).tasks().pending()));
    }

    /**
     * {@link EventLoop#dumpTasks()} of every open event loop of this JVM: what each task is doing,
     * where it is suspended, what it awaits and who awaits it. Callable from any thread. For a
     * running process, start it with {@code -Daio4j.dumpTasksOnSignal=USR1} and send
     * {@code kill -USR1 <pid>} (the dump goes to stderr).
     */
    public static String dumpTasks() {
        return LoopCore.dumpAllLoops();
    }

    /**
     * The loop running on this thread (from a task or a callback).
     *
     * @throws IllegalStateException {@code "no running event loop"}
     */
    public static EventLoop getRunningLoop() {
        EventLoop loop = LoopCore.runningLoop();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    // ------------------------------------------------------------------ composition

    /**
     * asyncio.gather: a future of the results of {@code aws}, in order, once all are done.
     * Coroutines become tasks of the running loop; an awaitable given twice is wrapped once.
     * The first failure or cancellation of a child completes the returned future with that
     * exception (a cancellation as a {@link CancelledException}, while {@code isCancelled()}
     * stays false), and the other children keep running. Cancelling the returned future cancels
     * the children. With no awaitables, a done future of an empty list.
     */
    public static <T> Future<List<T>> gather(List<? extends Awaitable<? extends T>> aws) {
        Objects.requireNonNull(aws, "aws");
        return GatheringFuture.gather(aws, false);
    }

    /**
     * asyncio.gather with {@code return_exceptions}: when {@code returnExceptions} is true the
     * future waits for every child and its list holds each child's result, or its exception
     * (a {@link CancelledException} for a cancelled child); when false, as {@link #gather(List)}.
     */
    public static Future<List<Object>> gather(boolean returnExceptions, Awaitable<?>... aws) {
        return GatheringFuture.gather(Arrays.asList(aws), returnExceptions);
    }

    /**
     * asyncio.wait_for: awaits {@code aw} for at most {@code timeoutSeconds} of loop time
     * ({@link Double#POSITIVE_INFINITY}: no limit), cancelling it and waiting for it to finish
     * when the time runs out. A coroutine runs inline in the current task; with a timeout of
     * 0 or less it is never started. If the awaited task swallows the cancellation and returns,
     * its value is returned.
     *
     * @throws TimeoutException when the time ran out, caused by the {@link CancelledException}
     */
    public static <T> T waitFor(Awaitable<T> aw, double timeoutSeconds) {
        Objects.requireNonNull(aw, "aw");
        if (Double.isNaN(timeoutSeconds)) {
            throw new IllegalArgumentException("Invalid timeout: NaN (not a number)");
        }
        Task<?> task = currentTaskOrThrow("waitFor");
        if (timeoutSeconds <= 0) {
            Future<T> fut = ensureFuture(aw, task.loop());
            if (fut.isDone()) {
                return fut.result();
            }
            cancelAndWait(fut);
            try {
                return fut.result();
            } catch (CancelledException e) {
                TimeoutException timeout = new TimeoutException();
                timeout.initCause(e);
                throw timeout;
            }
        }
        return timeout(timeoutSeconds, () -> await(aw));
    }

    /** {@link #waitFor(Awaitable, double)} with a {@link Duration} (one of 292 years or more: no limit). */
    public static <T> T waitFor(Awaitable<T> aw, Duration timeout) {
        return waitFor(aw, Durations.toSeconds(timeout, "timeout"));
    }

    /**
     * asyncio.shield: a future that follows {@code aw} but whose cancellation does not cancel
     * it. If {@code aw} itself is cancelled, the returned future is cancelled too. A done future
     * is returned as it is.
     */
    public static <T> Future<T> shield(Awaitable<T> aw) {
        Objects.requireNonNull(aw, "aw");
        return Shield.shield(aw);
    }

    /**
     * asyncio.timeout: runs {@code body} in the current task, cancelling it after
     * {@code delaySeconds} of loop time ({@link Double#POSITIVE_INFINITY}: never); see {@link Timeout}.
     *
     * @throws TimeoutException if the deadline passed and cancelled the body
     * @throws IllegalStateException {@code "Timeout should be used inside a task"}
     */
    public static <T> T timeout(double delaySeconds, AsyncCallable<T> body) {
        Objects.requireNonNull(body, "body");
        return timeout(delaySeconds, t -> body.call());
    }

    /** {@link #timeout(double, AsyncCallable)} for a body without a result. */
    public static void timeout(double delaySeconds, AsyncRunnable body) {
        timeout(delaySeconds, Bodies.of(body));
    }

    /** {@link #timeout(double, AsyncCallable)} with a {@link Duration} (one of 292 years or more: never). */
    public static <T> T timeout(Duration delay, AsyncCallable<T> body) {
        return timeout(Durations.toSeconds(delay, "delay"), body);
    }

    /** {@link #timeout(double, AsyncRunnable)} with a {@link Duration}. */
    public static void timeout(Duration delay, AsyncRunnable body) {
        timeout(Durations.toSeconds(delay, "delay"), Bodies.of(body));
    }

    /** {@link #timeout(double, TimeoutBody)} with a {@link Duration}. */
    public static <T> T timeout(Duration delay, TimeoutBody<T> body) {
        return timeout(Durations.toSeconds(delay, "delay"), body);
    }

    /** {@link #timeout(double, AsyncCallable)} whose body receives its {@link Timeout}, e.g. to reschedule it. */
    public static <T> T timeout(double delaySeconds, TimeoutBody<T> body) {
        if (Double.isNaN(delaySeconds)) {
            throw new IllegalArgumentException("Invalid delay: NaN (not a number)");
        }
        double when = delaySeconds == Double.POSITIVE_INFINITY ? delaySeconds : getRunningLoop().time() + delaySeconds;
        return timeoutAt(when, body);
    }

    /**
     * asyncio.timeout_at: {@link #timeout(double, TimeoutBody)} with a deadline in loop time ({@link EventLoop#time()}).
     *
     * <p>There is no {@link java.time.Instant} overload on purpose: the loop's clock is monotonic
     * seconds from an arbitrary origin (virtual in a test loop), while an {@code Instant} is
     * wall-clock time, which jumps (NTP, suspend). Turning one into the other silently would make
     * a deadline fire early or late. Convert where it is visible instead:
     * {@code Aio.timeout(Duration.between(Instant.now(), deadline), body)}, or
     * {@code Aio.timeoutAt(loop.time() + seconds, body)}.
     */
    public static <T> T timeoutAt(double when, TimeoutBody<T> body) {
        Objects.requireNonNull(body, "body");
        return new Timeout(when).run(body);
    }

    /** The innermost active {@link Timeout} of the current task; {@code null} outside a task or when there is none. */
    public static Timeout currentTimeout() {
        Task<?> task = currentTask();
        return task == null ? null : Timeout.current(task);
    }

    /**
     * asyncio.TaskGroup: runs {@code body} with a new {@link TaskGroup} in the current task,
     * waits for every task of the group, and returns the body's result.
     *
     * @throws ExceptionGroup {@code "unhandled errors in a TaskGroup"} if a task or the body failed
     */
    public static <T> T taskGroup(TaskGroupBody<T> body) {
        return TaskGroup.run(body);
    }

    /**
     * asyncio.wait: waits until {@code when} holds for {@code fs} or {@code timeoutSeconds}
     * passed ({@link Double#POSITIVE_INFINITY}: no timeout), and returns which are done. It never
     * throws on timeout and cancels nothing.
     *
     * @throws IllegalArgumentException {@code "Set of Tasks/Futures is empty."}
     */
    public static <T> Done<T> wait(Collection<? extends Future<T>> fs, double timeoutSeconds, ReturnWhen when) {
        return Wait.wait(fs, timeoutSeconds, when);
    }

    /** {@link #wait(Collection, double, ReturnWhen)} with a {@link Duration} (one of 292 years or more: no timeout). */
    public static <T> Done<T> wait(Collection<? extends Future<T>> fs, Duration timeout, ReturnWhen when) {
        return Wait.wait(fs, Durations.toSeconds(timeout, "timeout"), when);
    }

    /** {@link #wait(Collection, double, ReturnWhen)} without a timeout. */
    public static <T> Done<T> wait(Collection<? extends Future<T>> fs, ReturnWhen when) {
        return Wait.wait(fs, Double.POSITIVE_INFINITY, when);
    }

    /**
     * asyncio.as_completed: iterating the result in a task yields {@code aws} in the order they
     * finish, each done (a coroutine as the task made for it); {@code next()} waits for the
     * next one. It can be iterated once.
     */
    public static <T> Iterable<Future<T>> asCompleted(Collection<? extends Awaitable<T>> aws) {
        return new AsCompleted<>(aws);
    }

    /**
     * {@link #asCompleted(Collection)} with asyncio's {@code timeout}: once {@code timeoutSeconds} of
     * loop time passed ({@link Double#POSITIVE_INFINITY}: never), the awaitables done before it are
     * still returned, then {@code next()} throws {@link TimeoutException}. Nothing is cancelled.
     */
    public static <T> Iterable<Future<T>> asCompleted(Collection<? extends Awaitable<T>> aws, double timeoutSeconds) {
        if (Double.isNaN(timeoutSeconds)) {
            throw new IllegalArgumentException("Invalid timeout: NaN (not a number)");
        }
        return new AsCompleted<>(aws, timeoutSeconds);
    }

    /** {@link #asCompleted(Collection, double)} with a {@link Duration} (saturating: a huge one is no timeout). */
    public static <T> Iterable<Future<T>> asCompleted(Collection<? extends Awaitable<T>> aws, Duration timeout) {
        return asCompleted(aws, Durations.toSeconds(timeout, "timeout"));
    }

    /** asyncio.ensure_future: a future as it is, a coroutine as a new task of {@code loop} (null: the running loop). */
    @SuppressWarnings("unchecked")
    static <T> Future<T> ensureFuture(Awaitable<? extends T> aw, EventLoop loop) {
        Objects.requireNonNull(aw, "awaitable");
        return switch (aw) {
            case Future<? extends T> f -> {
                if (loop != null && f.loop() != loop) {
                    throw new IllegalArgumentException("The future belongs to a different loop than the one specified as the loop argument");
                }
                yield (Future<T>) f;
            }
            case Coroutine<? extends T> c -> (Future<T>) (loop != null ? loop : getRunningLoop()).createTask(c);
        };
    }

    /** Cancels {@code fut} and waits until it is done (asyncio's {@code _cancel_and_wait}). */
    private static void cancelAndWait(Future<?> fut) {
        Future<Void> waiter = fut.loop().createFuture();
        java.util.function.Consumer<Future<?>> release = f -> waiter.trySetResult(null);
        fut.addDoneCallback(release);
        try {
            fut.cancel();
            await(waiter);
        } finally {
            fut.removeDoneCallback(release);
        }
    }

    /**
     * asyncio.to_thread: runs {@code fn} in the loop's default executor (platform threads) and
     * waits for it. Use it for blocking calls that must not stop the loop.
     */
    public static <T> T toThread(Callable<T> fn) {
        Task<?> task = currentTaskOrThrow("toThread");
        return task.await(task.loop().runInExecutor(null, fn));
    }

    /** {@link #toThread(Callable)} for a blocking call without a result (which may throw checked exceptions). */
    public static void toThread(AsyncRunnable fn) {
        Objects.requireNonNull(fn, "fn");
        toThread(() -> {
            fn.run();
            return null;
        });
    }

    /**
     * Submits {@code body} as a task to {@code loop} from another thread and returns a
     * {@link CompletableFuture} of its result. Cancelling that future cancels the task.
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(AsyncCallable<T> body, EventLoop loop) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(loop, "loop");
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            if (result.isDone()) {
                return;
            }
            Task<T> task;
            try {
                task = loop.createTask(body);
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
                throw e;
            }
            task.chainTo(result);
        });
        return result;
    }

    /** {@link #runCoroutineThreadsafe(AsyncCallable, EventLoop)} for a body without a result. */
    public static CompletableFuture<Void> runCoroutineThreadsafe(AsyncRunnable body, EventLoop loop) {
        return runCoroutineThreadsafe(Bodies.of(body), loop);
    }

    private static Task<?> currentTaskOrThrow(String what) {
        Object current = Current.get();
        if (current instanceof Task<?> task) {
            return task;
        }
        if (current instanceof EventLoop) {
            throw new IllegalStateException("Aio." + what + "() called from a callback on the loop's thread: only a task's "
                    + "body can wait. Make it a task (Aio.createTask) or use future.addDoneCallback(...)");
        }
        throw new IllegalStateException("Aio." + what + "() must be called inside a task: start one with Aio.run(main) or "
                + "loop.createTask(body); from another thread use Aio.runCoroutineThreadsafe(body, loop)");
    }
}
