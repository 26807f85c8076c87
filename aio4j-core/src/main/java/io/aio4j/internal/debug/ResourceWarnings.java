package io.aio4j.internal.debug;

import java.lang.ref.Cleaner;
import java.util.Objects;

/**
 * Python's {@code ResourceWarning} for aio4j: a WARNING on the {@code aio4j} logger when a
 * resource is garbage collected without having been closed ({@code unclosed event loop <…>},
 * {@code unclosed transport <…>}, {@code unclosed <StreamWriter …>}), with where it was created.
 *
 * <p>How a resource uses it (event loops, transports and stream writers, in debug mode):
 * <pre>{@code
 *   // when created (debug mode only: registration costs a cleaner entry)
 *   tracker = ResourceWarnings.register(this, "unclosed transport " + this, Debug.captureSource());
 *   // in close()
 *   if (tracker != null) tracker.close();
 * }</pre>
 * The message is fixed at registration, because the warning is made after the owner is gone.
 */
public final class ResourceWarnings {
    private ResourceWarnings() {
    }

    /**
     * Watches {@code owner}: if it is collected before {@link Tracker#close()} is called, logs
     * {@code message} at WARNING, followed by {@code creationSite} (innermost first; may be null).
     * Neither {@code message} nor {@code creationSite} may reference {@code owner}.
     */
    public static Tracker register(Object owner, String message, StackTraceElement[] creationSite) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(message, "message");
        State state = new State(message, creationSite);
        return new Tracker(state, Reports.CLEANER.register(owner, state));
    }

    /** The handle of one watched resource: close it when the resource is closed. */
    public static final class Tracker {
        private final State state;
        private final Cleaner.Cleanable cleanable;

        private Tracker(State state, Cleaner.Cleanable cleanable) {
            this.state = state;
            this.cleanable = cleanable;
        }

        /** The resource was closed: no warning, and the cleaner forgets it. Idempotent, any thread. */
        public void close() {
            state.closed = true;
            cleanable.clean();
        }
    }

    private static final class State implements Runnable {
        private final String message;
        private final StackTraceElement[] source;
        volatile boolean closed;

        State(String message, StackTraceElement[] source) {
            this.message = message;
            this.source = source;
        }

        @Override
        public void run() {
            if (closed) {
                return;
            }
            String text = source == null || source.length == 0 ? message
                    : Reports.withTraceback(message + "\nObject created at (most recent call last):", source);
            Reports.LOG.log(System.Logger.Level.WARNING, text);
        }
    }
}
