package io.aio4j.internal.debug;

import io.aio4j.ExceptionContext;
import java.util.Objects;

/**
 * Python's {@code ResourceWarning} for aio4j: a WARNING on the {@code aio4j} logger when a
 * resource is garbage collected without having been closed ({@code unclosed event loop <…>},
 * {@code unclosed transport <…>}, {@code unclosed <StreamWriter …>}), with where it was created.
 *
 * <p>How a resource uses it (event loops, transports, stream writers and subprocesses, in debug mode):
 * <pre>{@code
 *   // when created (debug mode only: registration costs a cleaner entry)
 *   tracker = ResourceWarnings.register(this, "unclosed transport " + this, Debug.captureSource(), loop.owedReports());
 *   // in close()
 *   if (tracker != null) tracker.close();
 * }</pre>
 * The message is fixed at registration, because the warning is made after the owner is gone. A
 * loop that keeps its {@link OwedReports} can have the warning made before collection.
 */
public final class ResourceWarnings {
    private ResourceWarnings() {
    }

    /** {@link #register(Object, String, StackTraceElement[], OwedReports)} owed to no loop. */
    public static Tracker register(Object owner, String message, StackTraceElement[] creationSite) {
        return register(owner, message, creationSite, null);
    }

    /**
     * Watches {@code owner}: if it is collected before {@link Tracker#close()} is called, logs
     * {@code message} at WARNING, followed by {@code creationSite} (innermost first; may be null).
     * Neither {@code message} nor {@code creationSite} may reference {@code owner}. {@code ledger}
     * (the resource's loop's, or null) owes the warning until then.
     */
    public static Tracker register(Object owner, String message, StackTraceElement[] creationSite, OwedReports ledger) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(message, "message");
        return new Tracker(new State(message, creationSite, ledger).watch(owner));
    }

    /** The handle of one watched resource: close it when the resource is closed. */
    public static final class Tracker {
        private final Runnable finish;

        private Tracker(Runnable finish) {
            this.finish = finish;
        }

        /** The resource was closed: no warning, and the cleaner forgets it. Idempotent, any thread. */
        public void close() {
            finish.run();
        }
    }

    private static final class State extends OwedReports.Owed {
        private final String message;
        private final StackTraceElement[] source;

        State(String message, StackTraceElement[] source, OwedReports ledger) {
            super(ledger);
            this.message = message;
            this.source = source;
        }

        private String text() {
            return source == null || source.length == 0 ? message
                    : Reports.withTraceback(message + "\nObject created at (most recent call last):", source);
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
