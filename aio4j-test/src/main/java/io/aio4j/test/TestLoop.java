package io.aio4j.test;

import io.aio4j.Future;
import io.aio4j.internal.loop.SelectorEventLoop;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An event loop on virtual time, for tests: asyncio's {@code test_utils.TestLoop} and Trio's
 * {@code MockClock}. {@link #time()} starts at 0 and moves only when the test moves it with
 * {@link #advanceTime} / {@link #advanceTimeTo}, or, with {@linkplain #setAutojump autojump}
 * (on by default), when the loop is idle: it then jumps straight to the next timer, so a
 * 30-second {@code Aio.sleep} or timeout takes no real time at all.
 *
 * <h2>When the loop is idle</h2>
 * Autojump moves the clock only when nothing can happen before the next timer without it:
 * no callback is ready, no work from another thread has arrived, no channel is ready
 * (checked with {@code selectNow}), and no job handed to an executor by
 * {@link #runInExecutor} or {@code Aio.toThread} is still out. While such a job is out the
 * loop waits for it in real time, because its result could arrive before the next timer.
 *
 * <p>The loop cannot see other real-time work: a JDK blocking call inside a native-mode task
 * ({@code Thread.sleep}, a socket read), or a {@code CompletableFuture} completed by a thread
 * the test started. Autojump may run timers "early" with respect to such work. Give it a grace
 * period with {@link #setAutojumpThreshold}: the loop then stays idle that long in real time
 * before it jumps (Trio's {@code autojump_threshold}), or turn autojump off and advance the
 * clock by hand.
 *
 * <p>If the thread running the loop is interrupted while the loop waits for other threads
 * (JUnit does so when a {@code @Timeout} expires), {@code runForever} ends with an
 * {@link IllegalStateException} instead of spinning.
 *
 * <p>Moving the clock does not run anything by itself: timers that became due run on the
 * loop's next iteration. Inside a task, {@code Aio.sleep(0)} after {@code advanceTime} lets
 * them run.
 */
public class TestLoop extends SelectorEventLoop {
    private final AtomicLong nowNanos = new AtomicLong();
    private final AtomicInteger executorJobs = new AtomicInteger();
    private volatile boolean autojump = true;
    private volatile double autojumpThreshold;

    /** A loop at virtual time 0 with autojump on, in native mode when the JVM allows it. */
    public TestLoop() {
        super();
    }

    /** The virtual clock, in seconds since the loop was made. */
    @Override
    public double time() {
        return nowNanos.get() / 1e9;
    }

    /** The virtual clock in nanoseconds. */
    @Override
    protected long nanoTime() {
        return nowNanos.get();
    }

    /**
     * Moves the clock forward by {@code seconds}. Timers that become due run on the loop's next
     * iteration. May be called from any thread; a loop waiting for work is woken.
     *
     * @throws IllegalArgumentException if {@code seconds} is negative, infinite or NaN
     */
    public void advanceTime(double seconds) {
        if (!(seconds >= 0) || seconds == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("seconds < 0, infinite or NaN: " + seconds);
        }
        nowNanos.addAndGet(toNanos(seconds));
        wakeUp();
    }

    /**
     * Moves the clock forward to {@code when} (in {@link #time()}'s scale).
     *
     * @throws IllegalArgumentException if {@code when} is before {@link #time()}, infinite or NaN
     */
    public void advanceTimeTo(double when) {
        if (Double.isNaN(when) || Double.isInfinite(when)) {
            throw new IllegalArgumentException("when is infinite or NaN: " + when);
        }
        long target = toNanos(when);
        long now = nowNanos.get();
        if (target < now) {
            throw new IllegalArgumentException("time cannot go backwards: when " + when + " < time() " + time());
        }
        nowNanos.accumulateAndGet(target, Math::max);
        wakeUp();
    }

    /** Whether the clock jumps to the next timer when the loop is idle (default true). */
    public boolean autojump() {
        return autojump;
    }

    /** Turns autojump on or off; off, only {@link #advanceTime} moves the clock. */
    public void setAutojump(boolean enabled) {
        this.autojump = enabled;
        wakeUp();
    }

    /** The real time, in seconds, the loop stays idle before autojump moves the clock (default 0). */
    public double autojumpThreshold() {
        return autojumpThreshold;
    }

    /**
     * Sets {@link #autojumpThreshold()}: a grace period, in real seconds, for work the loop cannot
     * see (JDK blocking calls in native-mode tasks, futures completed by the test's own threads).
     */
    public void setAutojumpThreshold(double seconds) {
        if (!(seconds >= 0) || seconds == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("seconds < 0, infinite or NaN: " + seconds);
        }
        this.autojumpThreshold = seconds;
    }

    /** Whether new tasks start eagerly (asyncio's eager_task_factory); off by default. */
    @Override
    public boolean eagerTasks() {
        return super.eagerTasks();
    }

    /** Starts tasks created from now on eagerly: their body runs at once until it first suspends. */
    @Override
    public void setEagerTasks(boolean enabled) {
        super.setEagerTasks(enabled);
    }

    /** How many jobs given to {@link #runInExecutor} have not delivered their result to the loop yet. */
    public int executorJobsInFlight() {
        return executorJobs.get();
    }

    /** Runs {@code fn} in an executor as the real loop does, and counts it until its result is back. */
    @Override
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> fn) {
        Future<T> fut = super.runInExecutor(executor, fn);
        executorJobs.incrementAndGet();
        fut.addDoneCallback(f -> executorJobs.decrementAndGet());
        return fut;
    }

    /**
     * Polls for I/O without waiting in real time for timers: the clock jumps to the next timer
     * when the loop is idle (autojump), and otherwise the loop waits for I/O or other threads only.
     */
    @Override
    protected void poll(double timeoutSeconds) {
        super.poll(0);
        if (timeoutSeconds <= 0 || busy()) {
            return;
        }
        if (!autojump || timeoutSeconds == Double.POSITIVE_INFINITY || executorJobs.get() > 0) {
            // Only another thread or I/O can make progress now; advanceTime from another thread wakes us.
            super.poll(Double.POSITIVE_INFINITY);
            checkNotInterrupted();
            return;
        }
        double grace = autojumpThreshold;
        if (grace > 0) {
            super.poll(grace);
            checkNotInterrupted();
            if (busy()) {
                return;
            }
        }
        nowNanos.addAndGet(toNanos(timeoutSeconds));
    }

    /**
     * An interrupted thread makes every select return at once, so a loop with nothing to do
     * would spin; a test framework interrupts the thread on timeout, so end the run instead.
     */
    private void checkNotInterrupted() {
        if (Thread.interrupted()) {
            throw new IllegalStateException("the thread running " + this + " was interrupted while the loop waited "
                    + "for other threads or I/O (a test timeout?)");
        }
    }

    private boolean busy() {
        return hasReadyWork() || hasRemoteWork();
    }

    private void wakeUp() {
        if (isRunning() && !inLoopThread() && !isClosed()) {
            execute(() -> { });
        }
    }

    private static long toNanos(double seconds) {
        double nanos = Math.ceil(seconds * 1e9);
        return nanos >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) nanos;
    }

    @Override
    public String toString() {
        return "<TestLoop time=" + time() + " autojump=" + autojump + " " + super.toString() + ">";
    }
}
