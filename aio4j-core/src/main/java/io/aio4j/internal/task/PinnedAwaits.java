package io.aio4j.internal.task;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Native mode's guard against an await that would block its loop for good. A task's virtual
 * thread that parks while pinned to its carrier (inside a class initializer or a native frame;
 * before JDK 24 also inside {@code synchronized}) does not unmount: it blocks the carrier, which
 * is the loop's thread, and the future it waits for can only be completed by that loop.
 *
 * <p>The JDK offers no cheap way for the task to ask "am I pinned?" before it parks, so one
 * daemon thread, {@code aio4j-pin-watch}, looks every {@value #PERIOD_MILLIS} ms at each native
 * loop that runs: a task that entered a suspension and is, two looks in a row, still mounted on
 * the loop's thread in that same suspension is parked while pinned. The watch then wakes it with
 * {@link NativeStrand#pinnedIn} set, and its {@code Aio.await} throws {@link IllegalStateException}
 * instead of deadlocking: the loop goes on. The watch costs the loop one plain field write per
 * suspension, and sleeps while no native loop runs.
 */
public final class PinnedAwaits {
    static final long PERIOD_MILLIS = 20;
    private static final CopyOnWriteArrayList<Watch> WATCHED = new CopyOnWriteArrayList<>();
    private static volatile Thread thread;

    private PinnedAwaits() {
    }

    /** A watch for one loop; {@link Watch#start} it while the loop runs on {@code loopThread}. */
    public static Watch newWatch() {
        return new Watch();
    }

    /** What the pin watch knows of one native loop. */
    public static final class Watch {
        /** The loop's thread while it runs, else null. */
        private volatile Thread loopThread;
        /** The strand that suspended last on this loop (written by the loop's tasks, read by the watch). */
        private volatile NativeStrand last;
        private NativeStrand seen;
        private long seenSuspension;

        private Watch() {
        }

        /** The loop starts running on {@code loopThread}. */
        public void start(Thread loopThread) {
            this.loopThread = loopThread;
            WATCHED.addIfAbsent(this);
            wakeWatcher();
        }

        /** The loop stopped running. */
        public void stop() {
            WATCHED.remove(this);
            loopThread = null;
            last = null;
        }

        void suspending(NativeStrand strand) {
            last = strand;
        }

        /** One look, on the watch thread. */
        void check() {
            Thread carrier = loopThread;
            NativeStrand s = last;
            if (carrier == null || s == null) {
                seen = null;
                return;
            }
            long n = s.parkedIn();
            boolean stuck = n != 0 && carrier.getState() == Thread.State.WAITING && VirtualThreads.mountedOn(s.thread(), carrier);
            if (!stuck) {
                seen = null;
                return;
            }
            if (seen == s && seenSuspension == n) {
                seen = null;
                s.pinnedIn = n;
                LockSupport.unpark(s.thread());
            } else {
                seen = s;
                seenSuspension = n;
            }
        }
    }

    private static void wakeWatcher() {
        Thread t = thread;
        if (t == null) {
            synchronized (PinnedAwaits.class) {
                t = thread;
                if (t == null) {
                    t = Thread.ofPlatform().daemon().name("aio4j-pin-watch").unstarted(PinnedAwaits::watchLoop);
                    thread = t;
                    t.start();
                    return;
                }
            }
        }
        LockSupport.unpark(t);
    }

    private static void watchLoop() {
        while (true) {
            if (WATCHED.isEmpty()) {
                LockSupport.park(PinnedAwaits.class);
                continue;
            }
            for (Watch w : WATCHED) {
                try {
                    w.check();
                } catch (RuntimeException | Error e) {
                    // A failed look must not end the watch.
                }
            }
            LockSupport.parkNanos(PinnedAwaits.class, TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
        }
    }
}
