package io.aio4j;

import io.aio4j.internal.Describe;
import io.aio4j.internal.loop.Current;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.internal.stats.TaskHistory;
import io.aio4j.internal.stats.TaskInternals;
import io.aio4j.internal.task.Strand;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * asyncio's Task: a {@link Future} that runs a body — ordinary Java that may
 * {@link Aio#await} — to completion on its loop. Create one with {@link Aio#createTask} or
 * {@link EventLoop#createTask}; it starts on the loop's next iteration.
 *
 * <p>The body runs on a virtual thread of its own, but never at the same time as anything
 * else of its loop: in native mode the loop itself is the thread's scheduler, in compatibility
 * mode the loop hands control to the thread and waits for it to give it back. Either way a
 * task gives up the loop only in {@link Aio#await}, {@link Aio#sleep} and (native mode) JDK
 * blocking calls.
 *
 * <p>Cancellation is asyncio's: {@link #cancel(String)} cancels the future the task awaits,
 * so {@code Aio.await} throws {@link CancelledException} in the body; if the task is not
 * awaiting, the exception is thrown at its next await. A task blocked in a JDK call is
 * interrupted. A body that catches the exception and returns normally completes with its value.
 */
public final class Task<T> extends Future<T> {
    /*
     * Overview: `waiter` is the future the body is suspended on; it stays set until the body
     * resumes, so cancel() made between the waiter's completion and the resumption falls
     * back to `mustCancel`, exactly like asyncio's _fut_waiter/_must_cancel pair. The body
     * checks `mustCancel` each time it resumes and before it starts. `numCancelRequests`
     * is asyncio 3.11's cancelling() counter; uncancel() resets mustCancel when it reaches 0
     * (3.13). The strand hides the mode: native (loop-scheduled virtual thread) or
     * compatibility (strict hand-off to an ordinary virtual thread).
     */
    private static final AtomicLong COUNTER = new AtomicLong();

    static {
        // Monitor hook: read-only access for io.aio4j.internal.stats.
        TaskInternals.install(t -> t.coroName, t -> t.strand.thread());
    }

    private final SelectorEventLoop host;
    private final Strand strand;
    private String name;
    private AsyncCallable<T> body;
    private final String coroName;
    private Future<?> waiter;
    private boolean mustCancel;
    private String cancelMessage;
    private int numCancelRequests;
    private boolean started;
    private boolean yielding;
    private boolean interruptedForCancel;
    /** The innermost active {@link Timeout} of this task (see {@link Aio#currentTimeout()}). */
    Timeout timeout;

    Task(EventLoop loop, AsyncCallable<T> body, String name) {
        super(loop);
        this.host = SelectorEventLoop.of(loop);
        this.body = Objects.requireNonNull(body, "body");
        host.checkNotClosed();
        this.name = name != null ? name : "Task-" + COUNTER.incrementAndGet();
        this.coroName = body instanceof Coroutine.Body<?> cb ? cb.name() : Describe.callable(body);
        this.strand = host.newStrand(this::runBody, this.name);
        host.taskCreated(this);
        if (host.eagerTasks() && host.isRunning() && host.inLoopThread()) {
            startEagerly();
        } else {
            strand.start();
        }
    }

    /**
     * Eager start (asyncio's eager_start): the body runs at once until its first suspension. From
     * a callback the first step runs inline. A task cannot run another task's virtual thread
     * inline, so from a task the first step goes to the front of the ready queue, followed by the
     * creator's resumption, and the creator gives the loop up: nothing else runs in between.
     */
    private void startEagerly() {
        Runnable first = host.captureFirstStep(strand::start);
        if (Current.get() instanceof Task<?> creator) {
            host.runNextThenResume(first);
            creator.suspendForEagerStart();
        } else {
            first.run();
        }
    }

    /** The task's name: {@code Task-N} unless one was given. */
    public String name() {
        return name;
    }

    /** Renames the task (and its thread, as debuggers and thread dumps show it). */
    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
        strand.thread().setName(name);
    }

    /** Requests cancellation; see {@link #cancel(String)}. */
    @Override
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Requests cancellation: returns {@code false} if the task is done, otherwise counts one
     * more {@linkplain #cancelling() request} and arranges for {@link CancelledException}
     * (with {@code msg}) to be thrown in the body at its current or next {@code await}.
     */
    @Override
    public boolean cancel(String msg) {
        if (host.debugChecks()) {
            host.checkThread();
        }
        if (isDone()) {
            return false;
        }
        TaskHistory.cancelRequested(this); // monitor hook
        numCancelRequests++;
        Future<?> w = waiter;
        if (w != null && w.cancel(msg)) {
            return true;
        }
        mustCancel = true;
        cancelMessage = msg;
        if (started && w == null && !yielding && host.isNativeMode()
                && Thread.currentThread() != strand.thread()) {
            // Neither awaiting nor queued: the body sits in a JDK blocking call.
            interruptedForCancel = true;
            strand.thread().interrupt();
        }
        return true;
    }

    /** How many cancellation requests are pending: asyncio 3.11's {@code cancelling()}. */
    public int cancelling() {
        return numCancelRequests;
    }

    /**
     * Takes back one cancellation request and returns how many remain; at zero a request not
     * yet delivered is dropped. Used by {@code Aio.timeout} and {@code TaskGroup}; it does not
     * change {@link #isCancelled()}.
     */
    public int uncancel() {
        if (numCancelRequests > 0) {
            numCancelRequests--;
            if (numCancelRequests == 0) {
                mustCancel = false;
            }
        }
        return numCancelRequests;
    }

    /** Tasks cannot be completed from outside; asyncio raises the same error. */
    @Override
    public void setResult(T value) {
        throw new IllegalStateException("Task does not support setResult operation");
    }

    /** Tasks cannot be completed from outside; asyncio raises the same error. */
    @Override
    public void setException(Throwable error) {
        throw new IllegalStateException("Task does not support setException operation");
    }

    /**
     * Where the body is suspended now: its thread's stack without the library's and the JDK's
     * frames, innermost first. Empty once the task is done or before it starts.
     */
    public StackTraceElement[] stack() {
        if (isDone() || !started) {
            return new StackTraceElement[0];
        }
        return Describe.userFrames(strand.thread().getStackTrace());
    }

    /**
     * The future the body is suspended on in {@link Aio#await} (asyncio's {@code _fut_waiter}),
     * or {@code null} when it runs, has not started, or is done. For task dumps and debuggers.
     */
    public Future<?> waitingFor() {
        return waiter;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<Task ").append(stateName());
        sb.append(" name='").append(name).append('\'');
        sb.append(" coro=<").append(coroName).append("()");
        if (isDone()) {
            sb.append(" done");
        } else if (started) {
            StackTraceElement[] frames = stack();
            if (frames.length > 0) {
                StackTraceElement outer = frames[frames.length - 1];
                sb.append(" running at ").append(outer.getFileName()).append(':').append(outer.getLineNumber());
            }
        }
        sb.append('>');
        if (isDone()) {
            describeInto(sb);
        } else {
            Future<?> w = waiter;
            if (w != null) {
                sb.append(" wait_for=").append(w);
            }
        }
        appendCreatedAt(sb);
        return sb.append('>').toString();
    }

    // --- machinery, all on the loop's thread ---

    /** The body's thread. */
    Thread thread() {
        return strand.thread();
    }

    /** Called by a future this task awaits once it is done: queue the body to resume. */
    void wakeUp() {
        strand.resume();
    }

    /** Aio.await of a future, on this task's own thread. */
    <R> R await(Future<R> fut) {
        if (fut == this) {
            throw new IllegalStateException("Task cannot await on itself: " + this);
        }
        if (fut.loop() != loop()) {
            throw new IllegalStateException("Task " + this + " got Future " + fut + " attached to a different loop");
        }
        if (!fut.isDone()) {
            // The step ending here may have begun without stepResumed (native mode: resumed from a
            // JDK blocking call), so name this task for the slow-step report now.
            host.stepResumed(this);
            waiter = fut;
            if (mustCancel && fut.cancel(cancelMessage)) {
                mustCancel = false;
            }
            fut.addWakeup(this);
            do {
                strand.suspend();
                if (Thread.interrupted() && !fut.isDone()) {
                    // Interrupted by someone else while awaiting: treat it as a cancellation request.
                    cancel("interrupted");
                }
            } while (!fut.isDone());
            host.stepResumed(this);
            waiter = null;
            throwIfMustCancel();
        }
        return fut.result();
    }

    /** Aio.sleep(0): give the loop one iteration. */
    void yieldOnce() {
        yielding = true;
        try {
            strand.yieldOnce();
        } finally {
            yielding = false;
        }
        host.stepResumed(this);
        throwIfMustCancel();
    }

    /** Gives the loop up for an eager task's first step; unlike {@link #yieldOnce()} it delivers no cancellation. */
    private void suspendForEagerStart() {
        yielding = true;
        try {
            strand.yieldOnce();
        } finally {
            yielding = false;
        }
        host.stepResumed(this);
    }

    private void throwIfMustCancel() {
        if (mustCancel) {
            mustCancel = false;
            interruptedForCancel = false;
            Thread.interrupted();
            throw new CancelledException(cancelMessage);
        }
    }

    private void runBody() {
        Current.set(this);
        started = true;
        host.stepResumed(this);
        T value;
        try {
            AsyncCallable<T> b = body;
            body = null;
            throwIfMustCancel();
            value = b.call();
        } catch (Throwable error) {
            finishExceptionally(error);
            return;
        } finally {
            Current.remove();
        }
        if (mustCancel) {
            mustCancel = false;
            finish(() -> cancelInternal(cancelMessage, null), null);
        } else {
            finish(() -> setResultInternal(value), null);
        }
    }

    private void finishExceptionally(Throwable error) {
        if (error instanceof CancelledException c) {
            finish(() -> cancelInternal(c.getMessage(), c), error);
        } else if (interruptedForCancel && isInterruption(error)) {
            finish(() -> cancelInternal(cancelMessage, null), error);
        } else {
            finish(() -> setExceptionInternal(error), error);
        }
    }

    private void finish(Runnable completion, Throwable error) {
        host.taskFinished(this);
        completion.run();
        TaskHistory.ended(this, error); // monitor hook
    }

    private static boolean isInterruption(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof ClosedByInterruptException
                    || t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
