package io.aio4j.internal.loop;

import io.aio4j.EventLoop;
import java.util.ResourceBundle;

/**
 * aio4j's logger, {@code "aio4j"}: {@code System.getLogger("aio4j")}, except that a record made
 * on a native loop's own thread is written without ever blocking that thread. The handler's lock
 * may be held, or waited for, by one of the loop's tasks, which only the loop's thread can run
 * (see {@link BlockingCalls}); the record is then written by a virtual thread of the loop, at once
 * unless the lock is taken, in which case the loop goes on and the record follows when the lock
 * is free. Every class of core logs through {@link #LOG}.
 *
 * <p>A record written that way names {@code BlockingCalls} as its source method where the backend
 * infers one (java.util.logging does), since the caller's frames are on the loop's thread.
 */
public final class AioLogger implements System.Logger {
    /** The logger of aio4j's core. */
    public static final System.Logger LOG = new AioLogger(System.getLogger("aio4j"));

    private final System.Logger backend;

    private AioLogger(System.Logger backend) {
        this.backend = backend;
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

    private static void write(Runnable record) {
        Thread me = Thread.currentThread();
        if (!me.isVirtual() && Current.get() instanceof EventLoop loop && LoopCore.of(loop) instanceof LoopServices engine) {
            engine.threads.callMayBlock(record);
        } else {
            record.run();
        }
    }
}
