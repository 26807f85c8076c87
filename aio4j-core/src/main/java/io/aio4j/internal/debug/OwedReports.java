package io.aio4j.internal.debug;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.loop.LoopCore;
import io.aio4j.internal.loop.SelectorEventLoop;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One loop's debug reports that are made when an object is collected unfinished ("exception was
 * never retrieved", "coroutine '…' was never awaited", "unclosed transport …"), kept so that they
 * can be asked for at a chosen moment instead of whenever the garbage collector runs. aio4j-test's
 * {@code @AioTest} asks at the end of each test, and fails it on what is still owed.
 *
 * <p>Off until {@link #keep()} (production loops never keep anything). Any thread.
 */
public final class OwedReports {
    private volatile boolean kept;
    /** The unfinished objects' reports, in the order they became owed. Guarded by itself. */
    private final Set<Owed> owed = new LinkedHashSet<>();

    /** A report that one watched object owes until it is finished (retrieved, awaited, closed). */
    interface Owed {
        /** Marks the report as made and returns it, or null if the object finished or was reported already. */
        ExceptionContext settle();
    }

    /** The reports of {@code loop} if it is aio4j's (or built on it), else null. Any thread. */
    public static OwedReports of(EventLoop loop) {
        return LoopCore.of(loop) instanceof SelectorEventLoop engine ? engine.owedReports() : null;
    }

    /** Starts keeping the reports owed from now on. */
    public void keep() {
        kept = true;
    }

    /** {@code o} owes its report until it finishes, is collected, or {@link #take()} makes it. */
    void add(Owed o) {
        if (kept) {
            synchronized (owed) {
                owed.add(o);
            }
        }
    }

    /** {@code o} finished or was reported: nothing is owed for it any more. */
    void remove(Owed o) {
        if (kept) {
            synchronized (owed) {
                owed.remove(o);
            }
        }
    }

    /**
     * Makes every report still owed, now, in the order they became owed, and forgets them: the
     * report at collection will not come for these objects.
     */
    public List<ExceptionContext> take() {
        List<Owed> copy;
        synchronized (owed) {
            copy = List.copyOf(owed);
            owed.clear();
        }
        List<ExceptionContext> made = new ArrayList<>();
        for (Owed o : copy) {
            ExceptionContext c = o.settle();
            if (c != null) {
                made.add(c);
            }
        }
        return made;
    }
}
