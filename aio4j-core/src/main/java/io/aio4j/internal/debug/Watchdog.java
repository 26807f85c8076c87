package io.aio4j.internal.debug;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one daemon platform thread ({@code aio4j-watchdog}) that samples the stacks of callbacks
 * overrunning {@code slowCallbackDuration}, for loops running in debug mode. Started the first
 * time a loop runs in debug mode; it parks while no loop is watched, and otherwise wakes every
 * twentieth of the smallest threshold (between 1 ms and 50 ms): it times the loops' steps.
 */
final class Watchdog implements Runnable {
    static final Watchdog INSTANCE = new Watchdog();
    private static final long MIN_PERIOD = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_PERIOD = TimeUnit.MILLISECONDS.toNanos(50);

    private final CopyOnWriteArrayList<SlowCallbacks> watched = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> chores = new ConcurrentLinkedQueue<>();
    private volatile Thread thread;

    private Watchdog() {
    }

    void watch(SlowCallbacks w) {
        watched.addIfAbsent(w);
        Thread t = thread;
        if (t == null) {
            synchronized (this) {
                t = thread;
                if (t == null) {
                    t = Thread.ofPlatform().daemon().name("aio4j-watchdog").unstarted(this);
                    thread = t;
                    t.start();
                    return;
                }
            }
        }
        LockSupport.unpark(t);
    }

    /** Runs {@code chore} soon on the watchdog thread (which runs while a debug-mode loop runs). */
    void later(Runnable chore) {
        chores.add(chore);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    void unwatch(SlowCallbacks w) {
        watched.remove(w);
    }

    /** For tests: whether a running callback of some watched loop has been sampled. */
    boolean sampledAny() {
        for (SlowCallbacks w : watched) {
            if (w.sampled()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        while (true) {
            for (Runnable chore; (chore = chores.poll()) != null; ) {
                try {
                    chore.run();
                } catch (RuntimeException | Error e) {
                    // A failed chore (a Flight Recorder commit) must not stop the sampling.
                }
            }
            if (watched.isEmpty()) {
                LockSupport.park(this);
                continue;
            }
            long period = MAX_PERIOD;
            long now = System.nanoTime();
            for (SlowCallbacks w : watched) {
                try {
                    w.check(now);
                } catch (RuntimeException | Error e) {
                    // A failed sample must not kill the watchdog; the warning is still logged without it.
                }
                period = Math.min(period, w.tickNanos());
            }
            LockSupport.parkNanos(this, Math.max(MIN_PERIOD, period));
        }
    }
}
