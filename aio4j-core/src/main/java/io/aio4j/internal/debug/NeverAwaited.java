package io.aio4j.internal.debug;

import io.aio4j.ExceptionContext;
import io.aio4j.internal.loop.CreationSite;
import io.aio4j.internal.loop.Debug;

/**
 * "coroutine '<name>' was never awaited": a WARNING when a coroutine made in debug mode is
 * collected without having been awaited or given to a task, with where it was created. A loop
 * that keeps its {@link OwedReports} can have the report made before collection.
 */
public final class NeverAwaited {
    private NeverAwaited() {
    }

    /**
     * When {@code debug} (the running loop's mode, else the default from {@code AIO4J_DEBUG}),
     * watches a new coroutine and returns what to run once it is consumed; {@code null} otherwise.
     * {@code ledger} (the running loop's, or null) then owes the report too.
     */
    public static Runnable track(Object coroutine, String name, boolean debug, OwedReports ledger) {
        if (!debug) {
            return null;
        }
        return new State(name, Debug.creationSite(), ledger).watch(coroutine);
    }

    private static final class State extends OwedReports.Owed {
        private final String name;
        private final CreationSite source;

        State(String name, CreationSite source, OwedReports ledger) {
            super(ledger);
            this.name = name;
            this.source = source;
        }

        private String text() {
            return Reports.withTraceback(
                    "coroutine '" + name + "' was never awaited\nCoroutine created at (most recent call last)", source.frames());
        }

        @Override
        ExceptionContext report() {
            return ExceptionContext.of(text(), null);
        }

        @Override
        void reportCollected() {
            Reports.LOG.log(System.Logger.Level.WARNING, text());
        }
    }
}
