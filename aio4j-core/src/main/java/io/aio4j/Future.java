package io.aio4j;

import io.aio4j.internal.Describe;
import io.aio4j.internal.Sneaky;
import io.aio4j.internal.loop.CreationSite;
import io.aio4j.internal.loop.FutureAccess;
import io.aio4j.internal.loop.LoopCore;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * asyncio's Future: a result that will exist later, owned by one {@link EventLoop}. A task
 * waits for it with {@link Aio#await}; code that is not a task registers a
 * {@linkplain #addDoneCallback done callback}.
 *
 * <pre>
 *                     setResult / setException
 *     +---------+  ---------------------------->  +----------+
 *     | PENDING |                                 | FINISHED |
 *     +---------+  ---------------------------->  +----------+
 *                          cancel(msg)            +-----------+
 *                  ---------------------------->  | CANCELLED |
 *                                                 +-----------+
 * </pre>
 *
 * <p>Done callbacks run on the loop thread, in registration order, always on a later
 * iteration than the one that completed the future (never inline). All methods must be
 * called on the loop's thread; from another thread use {@link EventLoop#callSoonThreadsafe}
 * or {@link #toCompletableFuture()}.
 *
 * <p>Don't complete a future that may have been cancelled without checking:
 * <pre>{@code
 *   loop.callSoon(() -> fut.setResult(x));      // throws if fut was cancelled meanwhile
 *   loop.callSoon(() -> fut.trySetResult(x));   // do this: does nothing if fut is done
 * }</pre>
 */
public non-sealed class Future<T> implements Awaitable<T> {
    /*
     * Overview: the state is a plain int, touched only by the loop thread. `callbacks` is
     * null, one callback, or a CallbackList; each callback is a user Consumer or a Task
     * waiting in Aio.await, which is resumed directly (the resumption itself is queued on
     * the loop like a callSoon, so the ordering is asyncio's). `onRetrieved` backs the
     * "exception was never retrieved" report: debug support's tracker, run when it is read.
     */
    private static final int PENDING = 0;
    private static final int FINISHED = 1;
    private static final int CANCELLED = 2;

    private final EventLoop loop;
    /** What this future needs from its loop beyond {@link EventLoop}. */
    final LoopCore core;
    private int state;
    private T result;
    private Throwable exception;
    private String cancelMessage;
    private CancelledException cancelledException;
    private Object callbacks;
    /** Debug support's "never retrieved" tracker for this exception, run once it is retrieved. */
    private Runnable onRetrieved;
    private final CreationSite creationSite;
    /** What to do with the result if the one task awaiting this future is cancelled before taking it (see {@link FutureAccess}). */
    private Consumer<? super T> undelivered;

    static {
        FutureAccess.set(new FutureAccess() {
            @Override
            public <R> void onUndelivered(Future<R> future, Consumer<? super R> release) {
                future.undelivered = Objects.requireNonNull(release, "release");
            }
        });
    }

    /** A pending future attached to {@code loop}. */
    public Future(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.core = LoopCore.of(loop);
        this.creationSite = core.creationSite(this instanceof Task<?>);
    }

    /**
     * Where this future was created, innermost frame first, without the library's frames
     * (at most 10): recorded in debug mode only, {@code null} otherwise.
     */
    public StackTraceElement[] sourceTraceback() {
        return creationSite == null ? null : creationSite.sourceTraceback();
    }

    /** The loop this future belongs to. */
    public EventLoop loop() {
        return loop;
    }

    /** Whether the future has a result, an exception, or was cancelled. */
    public boolean isDone() {
        return state != PENDING;
    }

    /** Whether the future was cancelled. */
    public boolean isCancelled() {
        return state == CANCELLED;
    }

    /**
     * The result. Rethrows the future's exception (the same instance, checked ones included),
     * throws {@link CancelledException} if it was cancelled, and {@link InvalidStateException}
     * {@code "Result is not set."} if it is pending.
     */
    public T result() {
        switch (state) {
            case CANCELLED -> throw cancelledError();
            case PENDING -> throw new InvalidStateException("Result is not set.");
            default -> {
                markRetrieved();
                if (exception != null) {
                    throw Sneaky.raise(exception);
                }
                return result;
            }
        }
    }

    /**
     * The exception the future finished with, or {@code null}. Throws {@link CancelledException}
     * if it was cancelled and {@link InvalidStateException} {@code "Exception is not set."} if pending.
     */
    public Throwable exception() {
        switch (state) {
            case CANCELLED -> throw cancelledError();
            case PENDING -> throw new InvalidStateException("Exception is not set.");
            default -> {
                markRetrieved();
                return exception;
            }
        }
    }

    /**
     * The task awaiting this future was cancelled after it completed and will not take its
     * result: hands a result (not an exception) to the release registered through
     * {@link FutureAccess#onUndelivered}, once.
     */
    final void releaseUndelivered() {
        Consumer<? super T> release = undelivered;
        undelivered = null;
        if (release != null && state == FINISHED && exception == null) {
            release.accept(result);
        }
    }

    /** Cancels the future; see {@link #cancel(String)}. */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future and schedules its callbacks. Returns {@code false} if it was already
     * done. {@code msg} (may be null) becomes the message of the {@link CancelledException}
     * that {@link #result()} and {@link Aio#await} throw.
     */
    public boolean cancel(String msg) {
        checkThread();
        return cancelInternal(msg, null);
    }

    /**
     * Marks the future done with {@code value} and schedules its callbacks.
     *
     * @throws InvalidStateException if it is already done (e.g. cancelled)
     */
    public void setResult(T value) {
        checkThread();
        if (state != PENDING) {
            throw new InvalidStateException(stateName().toUpperCase() + ": " + this);
        }
        result = value;
        state = FINISHED;
        scheduleCallbacks();
    }

    /**
     * Marks the future done with {@code error} and schedules its callbacks.
     *
     * @throws InvalidStateException if it is already done
     */
    public void setException(Throwable error) {
        checkThread();
        Objects.requireNonNull(error, "error");
        if (state != PENDING) {
            throw new InvalidStateException(stateName().toUpperCase() + ": " + this);
        }
        exception = error;
        state = FINISHED;
        scheduleCallbacks();
        onRetrieved = core.exceptionSet(this, error);
    }

    /**
     * Sets the result unless the future is done already (cancelled, typically); returns whether
     * it did. asyncio keeps this as {@code _set_result_unless_cancelled}: the way to complete a
     * future that its waiter may have given up on.
     */
    public final boolean trySetResult(T value) {
        if (isDone()) {
            return false;
        }
        setResult(value);
        return true;
    }

    /** Sets the exception unless the future is done already; returns whether it did (see {@link #trySetResult}). */
    public final boolean trySetException(Throwable error) {
        if (isDone()) {
            return false;
        }
        setException(error);
        return true;
    }

    /**
     * Adds {@code callback}, to be called with this future once it is done, on the loop thread,
     * on a later iteration (scheduled with {@code callSoon}, in registration order). If the
     * future is already done, it is scheduled at once.
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        addCallback(callback);
    }

    /** Removes every registration of {@code callback} (compared with {@code equals}); returns how many were removed. */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        Object cbs = callbacks;
        if (cbs == null) {
            return 0;
        }
        if (cbs instanceof CallbackList list) {
            int before = list.size();
            list.removeIf(callback::equals);
            int removed = before - list.size();
            if (list.isEmpty()) {
                callbacks = null;
            }
            return removed;
        }
        if (callback.equals(cbs)) {
            callbacks = null;
            return 1;
        }
        return 0;
    }

    /**
     * A {@link CompletableFuture} that completes (on the loop thread) when this future does.
     * Cancelling it, from any thread, cancels this future on its loop.
     *
     * <p>The returned future completes the moment this one is done (on the loop thread that
     * completes it, not from a callback queued for a later iteration), so a loop that stops right
     * after never leaves it pending; a future already done completes it at once.
     *
     * <p>Thread-safe: this is the bridge for other threads. Called off the loop's thread while the
     * loop runs, it registers on the loop (as {@code callSoonThreadsafe} would); while the loop does
     * not run, it registers at once, and a loop that stops before reaching the registration makes it
     * as it stops, so the returned future never waits for a next run of the loop. If the loop is
     * closed before this future is done, the returned future fails with {@link IllegalStateException}
     * {@code "Event loop is closed"}.
     */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> cf = new CompletableFuture<>();
        core.runHeld(() -> bridgeTo(cf));
        return cf;
    }

    /** On the loop (or while it does not run): copies the outcome to {@code cf} now or when done. */
    private void bridgeTo(CompletableFuture<T> cf) {
        if (isDone()) {
            copyTo(cf);
        } else if (loop.isClosed()) {
            closedBeforeDone(cf);
        } else {
            chainTo(cf);
        }
    }

    private static void closedBeforeDone(CompletableFuture<?> cf) {
        cf.completeExceptionally(new IllegalStateException("Event loop is closed"));
    }

    /**
     * A future of {@code loop} that completes when {@code stage} does: with its result, its
     * exception (unwrapped from {@link CompletionException}), or cancelled if it was cancelled.
     * Cancelling the returned future cancels {@code stage} when it is a {@link java.util.concurrent.Future}.
     */
    public static <T> Future<T> of(CompletionStage<T> stage, EventLoop loop) {
        Objects.requireNonNull(stage, "stage");
        Future<T> fut = new Future<>(loop);
        stage.whenComplete((value, error) -> {
            Runnable copy = () -> {
                Throwable cause = error instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : error;
                if (cause instanceof CancellationException c) {
                    fut.cancel(c.getMessage());
                } else if (cause != null) {
                    fut.trySetException(cause);
                } else {
                    fut.trySetResult(value);
                }
            };
            if (fut.core.inLoopThread()) {
                copy.run();
            } else {
                fut.core.handOff(copy);
            }
        });
        fut.addDoneCallback(f -> {
            if (f.isCancelled() && stage instanceof java.util.concurrent.Future<?> jf) {
                jf.cancel(false);
            }
        });
        return fut;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(getClass() == Future.class ? "Future" : getClass().getSimpleName());
        sb.append(' ').append(stateName());
        describeInto(sb);
        appendCreatedAt(sb);
        return sb.append('>').toString();
    }

    /** Appends {@code " created at File.java:42"} in debug mode: where this future was created. */
    final void appendCreatedAt(StringBuilder sb) {
        if (creationSite != null) {
            creationSite.appendCreatedAt(sb);
        }
    }

    /** Appends asyncio's repr info after the state: result or exception, callbacks. */
    final void describeInto(StringBuilder sb) {
        if (state == FINISHED) {
            if (exception != null) {
                sb.append(" exception=").append(Describe.exception(exception));
            } else {
                sb.append(" result=").append(Describe.value(result));
            }
        }
        Object cbs = callbacks;
        if (cbs != null) {
            sb.append(" cb=[");
            if (cbs instanceof CallbackList list) {
                if (list.size() <= 2) {
                    for (int i = 0; i < list.size(); i++) {
                        sb.append(i == 0 ? "" : ", ").append(describeCallback(list.get(i)));
                    }
                } else {
                    sb.append(describeCallback(list.get(0))).append(", <").append(list.size() - 2)
                            .append(" more>, ").append(describeCallback(list.get(list.size() - 1)));
                }
            } else {
                sb.append(describeCallback(cbs));
            }
            sb.append(']');
        }
    }

    /** "pending", "finished" or "cancelled", as asyncio's reprs print them. */
    final String stateName() {
        return switch (state) {
            case PENDING -> "pending";
            case FINISHED -> "finished";
            default -> "cancelled";
        };
    }

    // --- package-private machinery for Task and Aio ---

    final boolean cancelInternal(String msg, CancelledException cause) {
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        cancelMessage = msg;
        cancelledException = cause;
        scheduleCallbacks();
        return true;
    }

    final void setResultInternal(T value) {
        result = value;
        state = FINISHED;
        scheduleCallbacks();
    }

    final void setExceptionInternal(Throwable error) {
        exception = error;
        state = FINISHED;
        // Watched before the callbacks run: a bridge to a CompletableFuture retrieves it at once.
        onRetrieved = core.exceptionSet(this, error);
        scheduleCallbacks();
    }

    /**
     * asyncio's {@code _chain_future} from this future to {@code cf}: {@code cf} completes (on the
     * loop thread) as this future ends, and cancelling {@code cf}, from any thread, cancels this
     * future on its loop. For {@link #toCompletableFuture()} and {@link Aio#runCoroutineThreadsafe}.
     */
    final void chainTo(CompletableFuture<T> cf) {
        addCallback(new Bridge<>(this, cf));
        cf.whenComplete((r, e) -> {
            if (cf.isCancelled()) {
                core.handOff(() -> cancel());
            }
        });
    }

    /**
     * asyncio's {@code _copy_future_state}: completes {@code dest} as {@code source} (done) ended,
     * unless {@code dest} was cancelled meanwhile.
     */
    static <T> void copyState(Future<? extends T> source, Future<T> dest) {
        if (dest.isCancelled()) {
            return;
        }
        if (source.isCancelled()) {
            dest.cancel();
        } else if (source.exception() != null) {
            dest.setException(source.exception());
        } else {
            dest.setResult(source.result());
        }
    }

    /** Registers a task waiting in {@link Aio#await}: it is resumed directly when this future is done. */
    final void addWakeup(Task<?> task) {
        addCallback(task);
    }

    /** Takes back {@link #addWakeup}: the task stopped waiting without this future being done. */
    final void removeWakeup(Task<?> task) {
        Object cbs = callbacks;
        if (cbs == task) {
            callbacks = null;
        } else if (cbs instanceof CallbackList list) {
            list.remove(task);
            if (list.isEmpty()) {
                callbacks = null;
            }
        }
    }

    /**
     * Marks the future cancelled with {@code reason} without scheduling its callbacks: its loop is
     * closed, so they could never run (a task ended at close).
     */
    final void abandon(CancelledException reason) {
        if (state == PENDING) {
            state = CANCELLED;
            cancelMessage = reason.getMessage();
            cancelledException = reason;
            Object cbs = callbacks;
            callbacks = null;
            // Loop callbacks cannot run any more, but a CompletableFuture following this future
            // (toCompletableFuture, runCoroutineThreadsafe) needs no loop: it ends cancelled too.
            if (cbs instanceof Bridge<?> bridge) {
                bridge.copy();
            } else if (cbs instanceof CallbackList list) {
                for (Object cb : list) {
                    if (cb instanceof Bridge<?> bridge) {
                        bridge.copy();
                    }
                }
            }
        }
    }

    final CancelledException cancelledError() {
        return cancelledException != null ? cancelledException : new CancelledException(cancelMessage);
    }

    private void markRetrieved() {
        Runnable r = onRetrieved;
        if (r != null) {
            onRetrieved = null;
            r.run();
        }
    }

    private void addCallback(Object cb) {
        if (state != PENDING) {
            schedule(cb);
            return;
        }
        Object cbs = callbacks;
        if (cbs == null) {
            callbacks = cb;
        } else if (cbs instanceof CallbackList list) {
            list.add(cb);
        } else {
            CallbackList list = new CallbackList();
            list.add(cbs);
            list.add(cb);
            callbacks = list;
        }
    }

    private void scheduleCallbacks() {
        Object cbs = callbacks;
        if (cbs == null) {
            return;
        }
        callbacks = null;
        if (cbs instanceof CallbackList list) {
            for (Object cb : list) {
                schedule(cb);
            }
        } else {
            schedule(cbs);
        }
    }

    @SuppressWarnings("unchecked")
    private void schedule(Object cb) {
        if (cb instanceof Task<?> task) {
            task.wakeUp();
        } else if (cb instanceof Bridge<?> bridge) {
            bridge.copy();
        } else {
            core.callSoon((Consumer<Object>) cb, this);
        }
    }

    private void copyTo(CompletableFuture<T> cf) {
        if (isCancelled()) {
            // Cancelled, as CompletableFuture.cancel would, keeping the message (a CancelledException is one).
            cf.completeExceptionally(cancelledError());
        } else if (exception != null) {
            markRetrieved();
            cf.completeExceptionally(exception);
        } else {
            cf.complete(result);
        }
    }

    private void checkThread() {
        if (core.isDebug()) {
            core.checkThread();
        }
    }

    private static String describeCallback(Object cb) {
        return cb instanceof Task<?> t ? t.name() + ".wakeup()" : Describe.callable(cb) + "()";
    }

    /**
     * A {@link CompletableFuture} following a future ({@link #chainTo}): completed the moment the
     * future is done, not from a callback queued for a later iteration, so a loop that stops right
     * after (a {@code runUntilComplete} ending in the same iteration) never strands it. Its
     * dependents run there, on the loop, as a {@code CompletableFuture}'s run on the completing thread.
     */
    private record Bridge<T>(Future<T> source, CompletableFuture<T> target) {
        void copy() {
            source.copyTo(target);
        }

        @Override
        public String toString() {
            return "toCompletableFuture";
        }
    }

    /** The list of several callbacks, a distinct type so that a user callback is never mistaken for it. */
    private static final class CallbackList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;

        CallbackList() {
            super(4);
        }
    }
}
