package io.aio4j.internal.debug;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.Task;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;

/**
 * "Future exception was never retrieved": asyncio's {@code Future.__del__} report, made when a
 * future that finished with an exception is collected before anyone called {@code result()},
 * {@code exception()} or awaited it. On in every mode (it costs one cleaner registration per
 * failed future); the creation site is added in debug mode. A loop that keeps its
 * {@link OwedReports} can have the report made before collection.
 */
public final class NeverRetrieved {
    private NeverRetrieved() {
    }

    /**
     * Watches {@code future}, which just finished with {@code error}, for {@code loop} (where the
     * report goes) and its {@code ledger}; returns what the future runs once the exception is
     * retrieved (it cancels the report).
     */
    public static Runnable track(EventLoop loop, OwedReports ledger, Future<?> future, Throwable error) {
        State state = new State(new WeakReference<>(loop), ledger, future instanceof Task<?> ? "Task" : "Future",
                future.toString(), error, future.sourceTraceback());
        Cleaner.Cleanable cleanable = Reports.CLEANER.register(future, state);
        ledger.add(state);
        return () -> {
            state.finish();
            cleanable.clean();
        };
    }

    /** What the report needs; it must not reference the future. */
    private static final class State implements Runnable, OwedReports.Owed {
        private final WeakReference<EventLoop> loop;
        private final OwedReports ledger;
        private final String kind;
        private final String description;
        private final Throwable exception;
        private final StackTraceElement[] source;
        private boolean done;

        State(WeakReference<EventLoop> loop, OwedReports ledger, String kind, String description,
                Throwable exception, StackTraceElement[] source) {
            this.loop = loop;
            this.ledger = ledger;
            this.kind = kind;
            this.description = description;
            this.exception = exception;
            this.source = source;
        }

        /** Whether this call finished the watch (the exception was retrieved, or the report is made now). */
        synchronized boolean finish() {
            boolean first = !done;
            done = true;
            ledger.remove(this);
            return first;
        }

        private ExceptionContext context() {
            // asyncio names the object "future" for tasks too.
            return ExceptionContext.of(kind + " exception was never retrieved\nfuture: " + description, exception)
                    .withSourceTraceback(source);
        }

        @Override
        public ExceptionContext settle() {
            return finish() ? context() : null;
        }

        @Override
        public void run() {
            if (finish()) {
                Reports.report(loop, context());
            }
        }
    }
}
