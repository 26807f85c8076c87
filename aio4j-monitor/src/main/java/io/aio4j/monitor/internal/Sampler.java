package io.aio4j.monitor.internal;

import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.stats.LoopView;
import io.aio4j.internal.stats.TaskHistory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The monitor's own platform thread ({@code aio4j-monitor-sampler}): every tick it looks at
 * every open loop (rates, slow steps and their stacks, lag probes), registers and unregisters
 * their MBeans, and forgets finished tasks. It never waits for a loop.
 */
final class Sampler implements Runnable {
    private static final System.Logger LOG = AioLogger.LOG;
    private static final long PURGE_EVERY = 5_000_000_000L;

    private final Settings settings;
    private final TaskHistory history;
    private final Jmx jmx;
    private final Map<Long, LoopWatch> watches = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean stopped;
    private long lastPurge = System.nanoTime();

    Sampler(Settings settings, TaskHistory history, Jmx jmx) {
        this.settings = settings;
        this.history = history;
        this.jmx = jmx;
        this.thread = Thread.ofPlatform().daemon().name("aio4j-monitor-sampler").unstarted(this);
    }

    void start() {
        thread.start();
    }

    /** Stops the thread and the probes, unregisters the MBeans; waits up to a second for the thread. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LoopWatch w : watches.values()) {
            w.stop();
        }
        if (jmx != null) {
            jmx.unregisterAll();
        }
    }

    /** The watches of the open loops, by loop id (made here for a loop the sampler has not seen yet). Any thread. */
    List<LoopWatch> watches() {
        List<LoopWatch> out = new ArrayList<>();
        for (LoopView v : LoopView.open()) {
            out.add(watch(v));
        }
        return out;
    }

    /** The watch of loop {@code id} if it is open, else null. Any thread. */
    LoopWatch watch(long id) {
        for (LoopView v : LoopView.open()) {
            if (v.id() == id) {
                return watch(v);
            }
        }
        return null;
    }

    private LoopWatch watch(LoopView v) {
        return watches.computeIfAbsent(v.id(), id -> new LoopWatch(v, settings));
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                tick();
            } catch (RuntimeException | Error e) {
                // A failed look at one tick must not end the monitoring; the next tick tries again.
                LOG.log(System.Logger.Level.DEBUG, "aio4j monitor: sampling failed", e);
            }
            LockSupport.parkNanos(this, settings.tickNanos());
        }
    }

    private void tick() {
        long now = System.nanoTime();
        Set<Long> open = new HashSet<>();
        for (LoopView v : LoopView.open()) {
            open.add(v.id());
            LoopWatch w = watch(v);
            w.tick(now);
            if (jmx != null) {
                jmx.register(w, history);
            }
        }
        watches.entrySet().removeIf(e -> {
            if (open.contains(e.getKey())) {
                return false;
            }
            e.getValue().stop();
            if (jmx != null) {
                jmx.unregister(e.getKey());
            }
            return true;
        });
        if (now - lastPurge > PURGE_EVERY) {
            lastPurge = now;
            history.purge();
        }
    }
}
