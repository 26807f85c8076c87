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
    private final Runnable step = this::step;
    private volatile boolean bodyHasTurn;
    private volatile Thread loopThread;
    private boolean started;

    CompatStrand(Runnable body, String name, Consumer<Runnable> enqueue, Consumer<Thread> turns) {
        this.enqueue = enqueue;
        this.turns = turns;
        this.thread = Thread.ofVirtual().name(name).unstarted(() -> {
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
        enqueue.accept(step);
    }

    @Override
    public void resume() {
        enqueue.accept(step);
    }

    @Override
    public void suspend() {
        giveBack();
        boolean interrupted = false;
        while (!bodyHasTurn) {
            LockSupport.park(this);
            // An interrupt must not turn this wait into a spin; it is re-asserted once the turn is back.
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void yieldOnce() {
        enqueue.accept(step);
        suspend();
    }

    /** On the loop thread: give the body the turn and wait for it to come back. */
    private void step() {
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
