package io.aio4j;

import java.util.Set;

/**
 * What {@link Aio#wait(java.util.Collection, double, ReturnWhen)} returns: asyncio's
 * {@code (done, pending)} pair. Both sets hold the futures that were given, compared by identity.
 *
 * @param done the futures that are done
 * @param pending the futures that are not done yet
 */
public record Done<T>(Set<Future<T>> done, Set<Future<T>> pending) {
    /** Copies both sets into unmodifiable ones. */
    public Done {
        done = Set.copyOf(done);
        pending = Set.copyOf(pending);
    }
}
