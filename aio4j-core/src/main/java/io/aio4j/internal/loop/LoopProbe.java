package io.aio4j.internal.loop;

import io.aio4j.Task;
import io.aio4j.internal.stats.LoopStats;

/**
 * What a monitor ({@code io.aio4j.internal.stats.LoopView}) reads of one loop from its own
 * thread, beyond {@link LoopCore}: the loop's id, its counters, and who holds it now. Each loop
 * makes one ({@link SelectorEventLoop#probe()}) from the collaborators that own these facts.
 *
 * <p>Any thread, without the loop's help: every read is a racy snapshot of a field the loop
 * publishes, so a loop stuck in a blocking call can still be looked at.
 */
public final class LoopProbe {
    private final long id;
    private final LoopCore core;
    private final LoopThreads threads;
    private final LoopDebug debug;
    private final LoopStats stats;
    private final boolean realTime;

    LoopProbe(long id, LoopCore core, LoopThreads threads, LoopDebug debug, LoopStats stats, boolean realTime) {
        this.id = id;
        this.core = core;
        this.threads = threads;
        this.debug = debug;
        this.stats = stats;
        this.realTime = realTime;
    }

    /** The loop's id, unique in this JVM (the {@code #N} of its repr). */
    public long id() {
        return id;
    }

    /** The loop itself, as the API types see it. */
    public LoopCore core() {
        return core;
    }

    /** The loop's counters (written by the thread holding it). */
    public LoopStats stats() {
        return stats;
    }

    /** Whether its clock is the real monotonic one (a virtual-time test loop's is not). */
    public boolean realTime() {
        return realTime;
    }

    /** The thread running the loop, or null when it is not running. */
    public Thread loopThread() {
        return threads.loopThread();
    }

    /** Compatibility mode: the task thread holding the turn, or null. */
    public Thread turnHolder() {
        return threads.turnHolder();
    }

    /** The task whose step ran last (a hint for which task holds the loop; may be stale). */
    public Task<?> steppingTask() {
        return debug.steppingTask();
    }
}
