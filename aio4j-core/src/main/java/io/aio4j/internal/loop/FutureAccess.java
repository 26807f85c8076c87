package io.aio4j.internal.loop;

import io.aio4j.Future;
import java.util.function.Consumer;

/**
 * What aio4j's own operations may do to a {@link Future} beyond its public API, granted by
 * {@code Future} itself when it is initialised (the JDK's "shared secrets" idiom, as
 * {@link TaskAccess}).
 *
 * <p><b>Deliver or release.</b> A future whose result is a resource (a connection, an accepted
 * socket, bytes read off a socket, a child process) must not lose it when the task awaiting it is
 * cancelled after the future completed but before the task resumed: asyncio then throws
 * {@code CancelledError} into the task and the result is dropped. {@link #deliverOrRelease}
 * names what to do with such a result instead (close it, put the bytes back).
 */
public interface FutureAccess {
    /**
     * Arranges for {@code release} to receive {@code future}'s result if it completes with one
     * that its awaiting task cannot take because the task was cancelled meanwhile. For futures
     * with a single consumer (the one task that awaits them), which is what aio4j's operations
     * return. Loop thread.
     */
    <T> void onUndelivered(Future<T> future, Consumer<? super T> release);

    /** {@link #onUndelivered}, returning {@code future}. */
    static <T, F extends Future<T>> F deliverOrRelease(F future, Consumer<? super T> release) {
        get().onUndelivered(future, release);
        return future;
    }

    /** The access, once {@link Future} is initialised (any future existing means it is). */
    static FutureAccess get() {
        return Holder.access;
    }

    /** Called once, by {@link Future}'s static initialiser. */
    static void set(FutureAccess access) {
        Holder.access = access;
    }

    /** Holds the access granted by {@link Future}. */
    final class Holder {
        private static volatile FutureAccess access;

        private Holder() {
        }
    }
}
