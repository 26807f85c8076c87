package io.aio4j.internal.process;

import io.aio4j.CancelledException;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.internal.loop.Handoff;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C for {@code Aio.run}, as {@code asyncio.Runner} does it: the first SIGINT cancels the
 * main task, a second one stops the JVM the way an unhandled Ctrl-C does. Installed only by the
 * JVM's {@code main} thread (asyncio: only the main thread) and only by one run at a time.
 */
public final class SigintCancel implements AutoCloseable {
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final SigintCancel NONE = new SigintCancel(null, null);

    private final Task<?> main;
    private final EventLoop loop;
    private Signal sigint;
    private SignalHandler previous;
    private SignalHandler ours;
    private volatile int interrupts;

    private SigintCancel(EventLoop loop, Task<?> main) {
        this.loop = loop;
        this.main = main;
    }

    /** Takes SIGINT over for the run of {@code main}; a no-op when not on the main thread or not allowed (-Xrs). */
    public static SigintCancel install(EventLoop loop, Task<?> main) {
        Thread t = Thread.currentThread();
        if (t.isVirtual() || !"main".equals(t.getName()) || !INSTALLED.compareAndSet(false, true)) {
            return NONE;
        }
        SigintCancel c = new SigintCancel(loop, main);
        try {
            c.sigint = new Signal("INT");
            c.ours = c::onSigint;
            c.previous = Signal.handle(c.sigint, c.ours);
        } catch (IllegalArgumentException notAllowed) {
            INSTALLED.set(false);
            return NONE;
        }
        return c;
    }

    /**
     * {@code loop.runUntilComplete(main)} with Ctrl-C taken over for the run ({@link #install}):
     * {@code Aio.run}'s main task. A cancellation caused by SIGINT is rethrown {@linkplain #translate translated}.
     */
    public static <T> T runMain(EventLoop loop, Task<T> main) {
        SigintCancel sigint = install(loop, main);
        try {
            return loop.runUntilComplete(main);
        } catch (CancelledException e) {
            throw sigint.translate(e);
        } finally {
            sigint.close();
        }
    }

    private void onSigint(Signal s) {
        int n = ++interrupts;
        if (n == 1 && !main.isDone() && Handoff.callSoonThreadsafe(loop, () -> main.cancel())) {
            return;
        }
        // The second Ctrl-C (or the first, if the loop is already closed): hand the signal back to the JVM, whose default ends the process (exit 130).
        Signal.handle(sigint, previous);
        Signal.raise(sigint);
    }

    /**
     * What {@code Aio.run} throws for {@code cancelled}: when SIGINT cancelled the main task and
     * nothing else did, an exception saying so; otherwise {@code cancelled} itself.
     */
    public RuntimeException translate(CancelledException cancelled) {
        if (this != NONE && interrupts > 0 && main.uncancel() == 0) {
            CancelledException e = new CancelledException("Aio.run() was interrupted by SIGINT (Ctrl-C)");
            e.initCause(cancelled);
            return e;
        }
        return cancelled;
    }

    /** Gives SIGINT back to its previous handler, unless someone else replaced ours meanwhile. */
    @Override
    public void close() {
        if (this == NONE) {
            return;
        }
        SignalHandler current = Signal.handle(sigint, previous);
        if (current != ours) {
            Signal.handle(sigint, current);
        }
        INSTALLED.set(false);
    }
}
