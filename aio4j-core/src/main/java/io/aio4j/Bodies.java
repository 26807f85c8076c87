package io.aio4j;

import io.aio4j.internal.Describe;
import java.util.Objects;

/** Adapts an {@link AsyncRunnable} to the {@link AsyncCallable} every task runs, keeping the runnable's name in reprs. */
final class Bodies {
    private Bodies() {
    }

    /** {@code body} as a callable returning {@code null}, named after {@code body} (not after this adapter). */
    static Coroutine.Body<Void> of(AsyncRunnable body) {
        Objects.requireNonNull(body, "body");
        return new Coroutine.Body<>(() -> {
            body.run();
            return null;
        }, Describe.callable(body));
    }
}
