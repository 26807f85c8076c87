package io.aio4j.internal.debug;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.loop.LoopCore;
import io.aio4j.internal.loop.SelectorEventLoop;
import java.lang.ref.Cleaner;
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

    /**
     * The watch of one object that owes a report until it is finished (retrieved, awaited, closed):
     * made once, either when the object is collected unfinished ({@link #run}, the cleaner's action)
     * or when {@link #take()} asks; owed to a loop's {@code OwedReports} meanwhile, if it has one.
     * Subclasses hold what the report needs, never the object itself.
     */
    abstract static class Owed implements Runnable {
        private final OwedReports ledger;
        private boolean done;

        /** A watch owed to {@code ledger} (null: to no loop). */
        Owed(OwedReports ledger) {
            this.ledger = ledger;
        }

        /**
         * Starts watching {@code owner}: the cleaner runs this watch when {@code owner} is collected,
         * and the ledger owes its report until then. Returns what finishes the watch (the object
         * finished: no report, and the cleaner forgets it). Idempotent, any thread.
         */
        final Runnable watch(Object owner) {
            Cleaner.Cleanable cleanable = Reports.CLEANER.register(owner, this);
            if (ledger != null) {
                ledger.add(this);
            }
            return () -> {
                finish();
                cleanable.clean();
            };
        }

        /** Whether this call finished the watch (the object finished, or the report is made now). */
        private synchronized boolean finish() {
            boolean first = !done;
            done = true;
            if (ledger != null) {
                ledger.remove(this);
            }
            return first;
        }

        /** The report, for {@link #take()}. */
        abstract ExceptionContext report();

        /** Makes the report where it goes when the object is collected unfinished. */
        abstract void reportCollected();

        /** Marks the report as made and returns it, or null if the object finished or was reported already. */
        final ExceptionContext settle() {
            return finish() ? report() : null;
        }

        /** The cleaner's action: the object was collected. */
        @Override
        public final void run() {
            if (finish()) {
                reportCollected();
            }
        }
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
