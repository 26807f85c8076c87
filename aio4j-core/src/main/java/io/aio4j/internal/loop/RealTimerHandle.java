package io.aio4j.internal.loop;

import io.aio4j.TimerHandle;
import java.util.Locale;

/** A callback due at a loop time; ordered by (when, sequence) in the loop's {@link TimerHeap}. */
final class RealTimerHandle extends RealHandle implements TimerHandle {
    final double when;
    final long seq;
    private final TimerHeap timers;
    /** In the heap (not yet fired nor purged). */
    boolean scheduled;

    RealTimerHandle(double when, long seq, Runnable fn, TimerHeap timers, CreationSite source) {
        super(fn, NO_ARG, source);
        this.when = when;
        this.seq = seq;
        this.timers = timers;
    }

    @Override
    public double when() {
        return when;
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            if (scheduled) {
                timers.cancelled();
            }
        }
    }

    boolean before(RealTimerHandle other) {
        return when < other.when || (when == other.when && seq < other.seq);
    }

    @Override
    String kind() {
        return "TimerHandle";
    }

    @Override
    void describeInto(StringBuilder sb) {
        sb.append(String.format(Locale.ROOT, " when=%.3f", when));
    }
}
