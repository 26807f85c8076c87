package io.aio4j.internal.debug;

import io.aio4j.internal.loop.CreationSite;
import io.aio4j.internal.loop.Debug;
import java.lang.ref.Cleaner;

/**
 * "coroutine '<name>' was never awaited": a WARNING when a coroutine made in debug mode is
 * collected without having been awaited or given to a task, with where it was created.
 */
public final class NeverAwaited {
    private NeverAwaited() {
    }

    /**
     * When {@code debug} (the running loop's mode, else the default from {@code AIO4J_DEBUG}),
     * watches a new coroutine and returns what to run once it is consumed; {@code null} otherwise.
     */
    public static Runnable track(Object coroutine, String name, boolean debug) {
        if (!debug) {
            return null;
        }
        State state = new State(name, Debug.creationSite());
        Cleaner.Cleanable cleanable = Reports.CLEANER.register(coroutine, state);
        return () -> {
            state.consumed = true;
            cleanable.clean();
        };
    }

    private static final class State implements Runnable {
        private final String name;
        private final CreationSite source;
        volatile boolean consumed;

        State(String name, CreationSite source) {
            this.name = name;
            this.source = source;
        }

        @Override
        public void run() {
            if (consumed) {
                return;
            }
            Reports.LOG.log(System.Logger.Level.WARNING, Reports.withTraceback(
                    "coroutine '" + name + "' was never awaited\nCoroutine created at (most recent call last)", source.frames()));
        }
    }
}
