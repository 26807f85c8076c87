package io.aio4j;

import io.aio4j.internal.Describe;
import io.aio4j.internal.loop.Current;
import io.aio4j.internal.loop.LoopCore;
import io.aio4j.internal.loop.TaskAccess;
import io.aio4j.internal.task.Strand;
import java.io.InterruptedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketException;
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
 * awaiting, the exception is thrown at its next await. A body that catches the exception and
 * returns normally completes with its value.
 *
 * <p><b>Interrupts.</b> One cancellation is delivered once. A task sitting in a JDK blocking
 * call (native mode: {@code Thread.sleep}, a socket read, {@code BlockingQueue.take}…) gets it
 * as an interrupt of its thread instead, and the JDK's answer to that interrupt
 * ({@link InterruptedException}, {@link ClosedByInterruptException},
 * {@link InterruptedIOException}, a {@link SocketException} "Closed by interrupt") counts as
 * the {@code CancelledException}: if it leaves the body, the task ends cancelled, and
 * {@link Aio#timeout}, {@link Aio#waitFor} and {@link Aio#taskGroup} treat it as the
 * cancellation they caused. The interrupt is then spent: if the body restores the flag after
 * catching the exception (as the JDK advises), the flag is cleared at the task's next suspension
 * and does not cancel it again. An interrupt from outside aio4j (someone calls
 * {@code interrupt()} on a task's thread) is a cancellation request, {@code cancel("interrupted")},
 * taken at the task's current or next suspension ({@code Aio.await}, {@code Aio.sleep}), in both
 * modes; a JDK blocking call it reaches first answers it as the JDK does.
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
    private static final VarHandle NAME;

    static {
        try {
            NAME = MethodHandles.lookup().findVarHandle(Task.class, "name", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What this task needs from its loop (strand, registration, eager start); the rest of the loop is {@code core}. */
    private final LoopCore.Tasks host;
    private final Strand strand;
    /** The name; null until asked for when it is the default {@code Task-N} (see {@link #number}). */
    private volatile String name;
    /** N of the default name {@code Task-N}, drawn at creation (asyncio 3.13 also makes the name lazily). */
    private final long number;
    private AsyncCallable<T> body;
    /** The coroutine's name (a Coroutine's) or the body's class, whose name is made when asked for. */
    private final Object coro;
    private Future<?> waiter;
    private boolean mustCancel;
    private String cancelMessage;
    private int numCancelRequests;
    private boolean started;
    private boolean yielding;
    /**
     * A cancellation was delivered as an interrupt and the body has not reached a suspension
     * since: its JDK interruption exceptions count as that cancellation.
     */
    private boolean interruptDelivered;
    /** Its loop closed while it was pending: every await throws this (see {@link TaskAccess#destroy}). */
    private CancelledException destroyed;
    /** Its loop's registration of it, to unregister as it finishes. */
    private final Object registration;
    /** The innermost active {@link Timeout} of this task (see {@link Aio#currentTimeout()}). */
    Timeout timeout;

    static {
        TaskAccess.set(new TaskAccess() {
            @Override
            public void destroy(Task<?> task, CancelledException reason) {
                task.endAtClose(reason);
            }

            @Override
            public String coroutineName(Task<?> task) {
                return task.coroName();
            }

            @Override
            public Thread thread(Task<?> task) {
                return task.strand.thread();
            }
        });
    }

    Task(EventLoop loop, AsyncCallable<T> body, String name) {
        super(loop);
        this.host = core.tasks();
        this.body = Objects.requireNonNull(body, "body");
        core.checkNotClosed();
        // In every mode, not only in debug: a task created off the loop's thread corrupts the loop.
        core.checkThread();
        // The default name, the coroutine's name and the thread's name are made when first asked for:
        // three strings a task would otherwise carry for nothing while it sleeps.
        this.name = name;
        this.number = name != null ? 0 : COUNTER.incrementAndGet();
        this.coro = body instanceof Coroutine.Body<?> cb ? cb.name()
                : body instanceof Bodies.Runnable r ? r.body().getClass() : body.getClass();
        boolean nameNow = name != null || loop.isDebug();
        this.strand = host.newStrand(this::runBody, nameNow ? name() : null, this::interruptedWhileSuspended);
        this.registration = host.created(this);
        if (host.eagerTasks() && core.isRunning() && core.inLoopThread()) {
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
        String n = name;
        if (n != null) {
            return n;
        }
        // A monitor may ask from another thread: only the first answer is kept, and never over setName().
        n = "Task-" + number;
        if (!NAME.compareAndSet(this, null, n)) {
            return name;
        }
        // Debuggers and thread dumps show the thread's name: from now on it is the task's.
        Thread t = strand != null ? strand.thread() : null;
        if (t != null && t.getName().isEmpty()) {
            t.setName(n);
        }
        return n;
    }

    private String coroName() {
        return coro instanceof Class<?> c ? Describe.callableClass(c) : (String) coro;
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
        if (core.isDebug()) {
            core.checkThread();
        }
        if (isDone()) {
            return false;
        }
        LoopCore.taskCancelRequested(this);
        numCancelRequests++;
        Future<?> w = waiter;
        if (w != null && w.cancel(msg)) {
            return true;
        }
        if (interruptDelivered) {
            // The interrupt of an earlier request has not reached the body yet: it delivers this one too.
            return true;
        }
        if (started && w == null && !yielding && Thread.currentThread() != strand.thread() && strand.inJdkBlockingCall()) {
            // Neither awaiting nor queued: the body sits in a JDK blocking call. The interrupt is the delivery.
            interruptDelivered = true;
            cancelMessage = msg;
            strand.thread().interrupt();
            return true;
        }
        mustCancel = true;
        cancelMessage = msg;
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
        sb.append(" name='").append(name()).append('\'');
        sb.append(" coro=<").append(coroName()).append("()");
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
        if (destroyed != null) {
            throw destroyed;
        }
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
            takeInterrupt();
            waiter = fut;
            if (mustCancel && fut.cancel(cancelMessage)) {
                mustCancel = false;
            }
            fut.addWakeup(this);
            try {
                do {
                    strand.suspend();
                    if (Thread.interrupted()) {
                        // Interrupted from outside while awaiting (native mode): a cancellation request.
                        cancel("interrupted");
                    }
                } while (!fut.isDone() && destroyed == null);
            } catch (IllegalStateException cannotSuspend) {
                waiter = null;
                fut.removeWakeup(this);
                throw cannotSuspend;
            }
            host.stepResumed(this);
            waiter = null;
            if (destroyed != null) {
                throw destroyed;
            }
            if (mustCancel) {
                mustCancel = false;
                if (!fut.isCancelled()) {
                    // The waiter completed before the cancellation: its result is not delivered, so
                    // a resource in it (a connection, bytes read) is released rather than lost.
                    fut.releaseUndelivered();
                    throw new CancelledException(cancelMessage);
                }
                // Cancelled again before resuming: the waiter's cancellation is delivered, with the first message.
            }
        }
        return fut.result();
    }

    /** Aio.sleep(0): give the loop one iteration. */
    void yieldOnce() {
        if (destroyed != null) {
            throw destroyed;
        }
        takeInterrupt();
        yielding = true;
        try {
            strand.yieldOnce();
        } finally {
            yielding = false;
        }
        host.stepResumed(this);
        if (Thread.interrupted()) {
            cancel("interrupted");
        }
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

    /**
     * The interrupt rule at a suspension: the flag left by a delivered cancellation is spent and
     * cleared; a flag set from outside is a cancellation request.
     */
    private void takeInterrupt() {
        boolean flagged = Thread.interrupted();
        if (interruptDelivered) {
            interruptDelivered = false;
        } else if (flagged) {
            cancel("interrupted");
        }
    }

    /** Compatibility mode: the body's thread was interrupted while it waited for its turn; runs on the loop. */
    private void interruptedWhileSuspended() {
        if (!isDone() && destroyed == null) {
            cancel("interrupted");
        }
    }

    private void throwIfMustCancel() {
        if (mustCancel) {
            mustCancel = false;
            throw new CancelledException(cancelMessage);
        }
    }

    /**
     * What {@code error}, ending a body or a scope of this task, means for cancellation: the
     * {@link CancelledException} it is, or stands for (the JDK's answer to the interrupt that
     * delivered a cancellation; see the class comment), or null when it is no cancellation.
     */
    CancelledException cancellationOf(Throwable error) {
        if (error instanceof CancelledException c) {
            return c;
        }
        if (interruptDelivered && isInterruption(error)) {
            CancelledException c = new CancelledException(cancelMessage);
            c.initCause(error);
            return c;
        }
        return null;
    }

    private void runBody() {
        strand.enter(this);
        started = true;
        host.stepResumed(this);
        T value;
        try {
            AsyncCallable<T> b = body;
            body = null;
            if (destroyed != null) {
                // Its loop closed before it ever ran: like a coroutine closed unstarted, the body never runs.
                throw destroyed;
            }
            throwIfMustCancel();
            value = b.call();
        } catch (Throwable error) {
            finishExceptionally(error);
            return;
        } finally {
            strand.exit();
        }
        if (mustCancel) {
            mustCancel = false;
            finish(() -> cancelInternal(cancelMessage, null), null);
        } else {
            finish(() -> setResultInternal(value), null);
        }
    }

    private void finishExceptionally(Throwable error) {
        CancelledException c = cancellationOf(error);
        if (c != null) {
            finish(() -> cancelInternal(c.getMessage(), c), error);
        } else {
            finish(() -> setExceptionInternal(error), error);
        }
    }

    /** Completes the task; {@code error} is what its body threw (null if it returned), for a monitor. */
    private void finish(Runnable completion, Throwable error) {
        interruptDelivered = false;
        if (destroyed != null) {
            // Its loop is closed: nothing can run the done callbacks any more.
            abandon(destroyed);
        } else {
            host.finished(this, registration);
            completion.run();
        }
        LoopCore.taskEnded(this, error);
    }

    /** {@link TaskAccess#destroy}: its loop closes while it is pending. On the closing thread, which holds the loop. */
    private void endAtClose(CancelledException reason) {
        if (isDone()) {
            return;
        }
        destroyed = reason;
        Future<?> w = waiter;
        if (w != null && !w.isDone()) {
            strand.resume();
        } else if (started && w == null && !yielding && strand.inJdkBlockingCall()) {
            interruptDelivered = true;
            cancelMessage = reason.getMessage();
            strand.thread().interrupt();
        }
        // Otherwise its next step is queued already (or it never started): close() runs it, and it ends.
    }

    /** Whether {@code error} is (or wraps) the JDK's answer to an interrupt of the thread. */
    private static boolean isInterruption(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof ClosedByInterruptException
                    || t instanceof InterruptedIOException
                    || t instanceof SocketException && "Closed by interrupt".equals(t.getMessage())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
