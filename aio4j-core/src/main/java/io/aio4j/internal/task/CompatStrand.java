package io.aio4j.internal.task;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Compatibility mode: the body runs on an ordinary virtual thread, and the loop and the body
 * take strict turns. A step queued on the loop hands the turn to the body and waits until the
 * body gives it back (in {@link #suspend}, {@link #yieldOnce} or by finishing), so the loop's
 * single-thread guarantee holds without the JDK-internal scheduler.
 */
final class CompatStrand implements Strand {
    /** Busy-wait this long for the turn to come back before parking the loop thread. */
    private static final int SPINS = 1 << 12;

    private final Thread thread;
    private final Consumer<Runnable> enqueue;
    private final Consumer<Thread> turns;
    private final Runnable onInterrupt;
    private final Runnable step = this::step;
    private volatile boolean bodyHasTurn;
    private volatile Thread loopThread;
    private boolean started;
    /** A step is queued: a second would wait for a turn the body never gives back. Touched by whoever holds the loop. */
    private boolean stepQueued;

    CompatStrand(Runnable body, String name, Consumer<Runnable> enqueue, Consumer<Thread> turns, Runnable onInterrupt) {
        this.enqueue = enqueue;
        this.turns = turns;
        this.onInterrupt = onInterrupt;
        Thread.Builder.OfVirtual b = Thread.ofVirtual();
        this.thread = (name != null ? b.name(name) : b).unstarted(() -> {
            try {
                body.run();
            } finally {
                giveBack();
            }
        });
    }

    @Override
    public Thread thread() {
        return thread;
    }

    @Override
    public void start() {
        queueStep();
    }

    @Override
    public void resume() {
        queueStep();
    }

    private void queueStep() {
        if (!stepQueued) {
            stepQueued = true;
            enqueue.accept(step);
        }
    }

    @Override
    public void suspend() {
        giveBack();
        while (!bodyHasTurn) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                // Interrupted from outside while waiting for the turn: the loop decides what it means
                // (a cancellation request); the flag is consumed here so this wait does not spin.
                enqueue.accept(onInterrupt);
            }
        }
    }

    @Override
    public boolean inJdkBlockingCall() {
        // A body in a JDK blocking call holds the turn, so the loop side never sees one.
        return false;
    }

    @Override
    public void yieldOnce() {
        queueStep();
        suspend();
    }

    /** On the loop thread: give the body the turn and wait for it to come back. */
    private void step() {
        stepQueued = false;
        Thread me = Thread.currentThread();
        loopThread = me;
        turns.accept(thread);
        bodyHasTurn = true;
        if (!started) {
            started = true;
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
        int spins = 0;
        boolean interrupted = false;
        while (bodyHasTurn) {
            if (spins < SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        turns.accept(null);
        if (interrupted) {
            me.interrupt();
        }
    }

    private void giveBack() {
        bodyHasTurn = false;
        LockSupport.unpark(loopThread);
    }
}
