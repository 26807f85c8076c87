package io.aio4j.internal.debug;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.Task;
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
        return new State(new WeakReference<>(loop), ledger, future instanceof Task<?> ? "Task" : "Future",
                future.toString(), error, future.sourceTraceback()).watch(future);
    }

    /** What the report needs; it must not reference the future. */
    private static final class State extends OwedReports.Owed {
        private final WeakReference<EventLoop> loop;
        private final String kind;
        private final String description;
        private final Throwable exception;
        private final StackTraceElement[] source;

        State(WeakReference<EventLoop> loop, OwedReports ledger, String kind, String description,
                Throwable exception, StackTraceElement[] source) {
            super(ledger);
            this.loop = loop;
            this.kind = kind;
            this.description = description;
            this.exception = exception;
            this.source = source;
        }

        @Override
        ExceptionContext report() {
            // asyncio names the object "future" for tasks too.
            return ExceptionContext.of(kind + " exception was never retrieved\nfuture: " + description, exception)
                    .withSourceTraceback(source);
        }

        @Override
        void reportCollected() {
            Reports.report(loop, report());
        }
    }
}
