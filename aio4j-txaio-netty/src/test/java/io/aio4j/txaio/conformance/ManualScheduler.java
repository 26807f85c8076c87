package io.aio4j.txaio.conformance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@code ScheduledExecutorService} on virtual time, driven by the test thread: nothing runs
 * until {@link #runPending()} or {@link #advance(long)}.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long now = 1_000_000_000L;
    private long sequence;
    private boolean shutdown;

    synchronized long nanoTime() {
        return now;
    }

    /** Runs every task and every timer due at the current time, including those they add. */
    void runPending() {
        while (true) {
            Runnable next = nextDue(now());
            if (next == null) return;
            next.run();
        }
    }

    /** Moves the clock forward by {@code nanos}, running each timer at its own due time. */
    void advance(long nanos) {
        long target = now() + nanos;
        runPending();
        while (true) {
            Timer timer;
            synchronized (this) {
                timer = peekTimer();
                if (timer == null || timer.when > target) break;
                timers.poll();
                now = Math.max(now, timer.when);
            }
            timer.run();
            runPending();
        }
        synchronized (this) {
            now = target;
        }
        runPending();
    }

    private synchronized long now() {
        return now;
    }

    private synchronized Runnable nextDue(long time) {
        Runnable task = ready.poll();
        if (task != null) return task;
        Timer timer = peekTimer();
        if (timer != null && timer.when <= time) return timers.poll();
        return null;
    }

    private Timer peekTimer() {
        Timer timer = timers.peek();
        while (timer != null && timer.cancelled) {
            timers.poll();
            timer = timers.peek();
        }
        return timer;
    }

    @Override
    public synchronized void execute(Runnable command) {
        ready.add(command);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(new FutureTask<>(command, null), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return schedule(new FutureTask<>(callable), delay, unit);
    }

    private synchronized <V> ScheduledFuture<V> schedule(FutureTask<V> task, long delay, TimeUnit unit) {
        Timer timer = new Timer(now + Math.max(0, unit.toNanos(delay)), sequence++, task);
        timers.add(timer);
        @SuppressWarnings("unchecked")
        ScheduledFuture<V> future = (ScheduledFuture<V>) timer;
        return future;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not needed by txaio");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not needed by txaio");
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> pending = new ArrayList<>(ready);
        ready.clear();
        timers.clear();
        return pending;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Timer implements ScheduledFuture<Object>, Runnable {
        final long when;
        final long seq;
        final FutureTask<?> task;
        volatile boolean cancelled;

        Timer(long when, long seq, FutureTask<?> task) {
            this.when = when;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public void run() {
            if (!cancelled) task.run();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(when - nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Timer o = (Timer) other;
            return when != o.when ? Long.compare(when, o.when) : Long.compare(seq, o.seq);
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            if (task.isDone()) return false;
            cancelled = true;
            return task.cancel(false);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return task.isDone();
        }

        @Override
        public Object get() throws java.util.concurrent.ExecutionException, InterruptedException {
            return task.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit)
                throws java.util.concurrent.ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
            return task.get(timeout, unit);
        }
    }
}
