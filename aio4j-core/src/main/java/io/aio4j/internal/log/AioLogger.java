package io.aio4j.internal.log;

import io.aio4j.internal.loop.Current;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;

/**
 * A {@code System.Logger} that never blocks a native loop's thread: a record made on that thread
 * is written by a virtual thread of the loop, at once unless the handler's lock is taken; then the
 * loop goes on and the record follows when the lock is free ({@link Current#blockingCallsHere}). The
 * handler's lock may be held, or waited for, by one of the loop's tasks, which only the loop's
 * thread can run: blocking there would hang the loop for good. Anywhere else, it is the logger it
 * wraps. Core logs through {@link #LOG}; aio4j-test, the monitor and txaio's loggers wrap theirs.
 *
 * <p>A record written that way has the loop's internal frames as its caller where the backend
 * infers one (java.util.logging does), since the caller's own frames are on the loop's thread.
 */
public final class AioLogger implements System.Logger {
    /** The logger of aio4j's core, {@code "aio4j"}. */
    public static final System.Logger LOG = wrap(System.getLogger("aio4j"));

    private final System.Logger backend;

    private AioLogger(System.Logger backend) {
        this.backend = backend;
    }

    /** {@code backend}, made safe to call on a native loop's thread. */
    public static System.Logger wrap(System.Logger backend) {
        return backend instanceof AioLogger ? backend : new AioLogger(backend);
    }

    /**
     * Makes {@code write}, a logging call that may block on a lock (a stream's, a handler's), so that
     * it never blocks a native loop's thread, as this logger writes its records. Off that thread it
     * runs right here: a backend that infers the caller skips this class's frames.
     */
    public static void write(Runnable write) {
        Executor offLoop = Current.blockingCallsHere();
        if (offLoop == null) {
            write.run();
        } else {
            offLoop.execute(write);
        }
    }

    @Override
    public String getName() {
        return backend.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return backend.isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (backend.isLoggable(level)) {
            write(() -> backend.log(level, bundle, msg, thrown));
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (backend.isLoggable(level)) {
            write(() -> backend.log(level, bundle, format, params));
        }
    }
}
