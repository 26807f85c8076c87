package io.aio4j.internal.task;

import io.aio4j.internal.loop.Current;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * Native mode: the body runs on a virtual thread whose scheduler is the loop, so parking
 * unmounts it and unparking queues its continuation on the loop like a callback.
 *
 * <p>The strand is itself the thread's scheduler, not the loop: a virtual thread started from
 * the task's body inherits its creator's scheduler (JDK 21–25), and this one knows which
 * continuation is its own task's. That one goes to the loop; any other (a virtual thread the
 * body started, {@code Executors.newVirtualThreadPerTaskExecutor()} used from a task, their
 * children) goes to the JDK's default scheduler, so it neither runs on the loop's thread nor
 * freezes when the loop closes.
 */
final class NativeStrand implements Strand, Executor, Current.Slot {
    private static final VarHandle PARKED_IN;

    static {
        try {
            PARKED_IN = MethodHandles.lookup().findVarHandle(NativeStrand.class, "parkedIn", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Executor loop;
    private final PinnedAwaits.Watch watch;
    private final Thread thread;
    /** This thread's continuation: the first one submitted here, by {@link #start}. */
    private volatile Runnable continuation;
    /** Counts suspensions, so that the pin watch can tell one long suspension from two. */
    private long suspensions;
    /** The number of the suspension the body is parked in, 0 while it runs (release/acquire: read by the pin watch). */
    @SuppressWarnings("unused") // through PARKED_IN
    private volatile long parkedIn;
    /** Set by the pin watch: the number of a suspension in which the body parked while pinned to the loop thread. */
    volatile long pinnedIn;
    /** The task while its body runs (Current's mark for this thread; read and written on it only). */
    private Object current;

    NativeStrand(Executor loop, PinnedAwaits.Watch watch, Runnable body, String name) {
        this.loop = loop;
        this.watch = watch;
        Thread.Builder.OfVirtual b = VirtualThreads.builder(this);
        this.thread = (name != null ? b.name(name) : b).unstarted(body);
    }

    @Override
    public Thread thread() {
        return thread;
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void enter(Object task) {
        if (Current.slotsWork()) {
            current = task;
        } else {
            Current.set(task);
        }
    }

    @Override
    public void exit() {
        if (Current.slotsWork()) {
            current = null;
        } else {
            Current.remove();
        }
    }

    @Override
    public Object currentOf(Thread t) {
        return t == thread ? current : null;
    }

    @Override
    public void resume() {
        LockSupport.unpark(thread);
    }

    @Override
    public void suspend() {
        long n = ++suspensions;
        PARKED_IN.setRelease(this, n);
        watch.suspending(this);
        LockSupport.park();
        PARKED_IN.setRelease(this, 0L);
        if (pinnedIn == n) {
            throw new IllegalStateException("Aio.await() cannot suspend this task: its virtual thread is pinned to the "
                    + "loop's thread (inside a class initializer, a native method or, before JDK 24, a synchronized "
                    + "block), so waiting would block the event loop forever. Wait outside the initializer or lock.");
        }
    }

    @Override
    public void yieldOnce() {
        Thread.yield();
    }

    @Override
    public boolean inJdkBlockingCall() {
        return switch (thread.getState()) {
            case WAITING, TIMED_WAITING, BLOCKED -> true;
            default -> false;
        };
    }

    /** The number of the suspension the body is parked in, or 0 (for the pin watch). */
    long parkedIn() {
        return (long) PARKED_IN.getAcquire(this);
    }

    /** The scheduler of this strand's thread and of every virtual thread that inherits it. */
    @Override
    public void execute(Runnable r) {
        Runnable own = continuation;
        if (r == own) {
            loop.execute(r);
        } else if (own == null) {
            // The first submission is this thread's start: nothing can inherit this scheduler before it runs.
            continuation = r;
            loop.execute(r);
        } else {
            VirtualThreads.defaultScheduler().execute(r);
        }
    }
}
