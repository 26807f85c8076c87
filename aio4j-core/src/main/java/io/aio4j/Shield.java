package io.aio4j;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

/** asyncio.shield: an outer future whose cancellation does not reach the inner one. */
final class Shield {
    /** Inner tasks kept reachable while shielded, as asyncio's {@code _shield_tasks}. */
    private static final Set<Future<?>> SHIELDED = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private Shield() {
    }

    static <T> Future<T> shield(Awaitable<T> aw) {
        Future<T> inner = Aio.ensureFuture(aw, null);
        if (inner.isDone()) {
            return inner;
        }
        Future<T> outer = inner.loop().createFuture();
        SHIELDED.add(inner);
        Consumer<Future<T>> innerDone = f -> {
            SHIELDED.remove(f);
            if (outer.isCancelled()) {
                if (!f.isCancelled()) {
                    f.exception(); // retrieved: the outer future's awaiter has gone
                }
                return;
            }
            Future.copyState(f, outer);
        };
        inner.addDoneCallback(innerDone);
        outer.addDoneCallback(o -> {
            if (!inner.isDone()) {
                inner.removeDoneCallback(innerDone);
                // Still running, unobserved: keep it reachable until it ends.
                inner.addDoneCallback(f -> SHIELDED.remove(f));
            }
        });
        return outer;
    }
}
