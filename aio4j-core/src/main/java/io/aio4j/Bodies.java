package io.aio4j;

import io.aio4j.internal.Describe;
import java.util.Objects;

/** Adapts an {@link AsyncRunnable} to the {@link AsyncCallable} every task runs, keeping the runnable's name in reprs. */
final class Bodies {
    private Bodies() {
    }

    /** {@code body} as a callable returning {@code null}, named after {@code body} (not after this adapter). */
    static Runnable of(AsyncRunnable body) {
        return new Runnable(Objects.requireNonNull(body, "body"));
    }

    /**
     * An {@link AsyncRunnable} as a callable: one small object, named (after the runnable) only
     * when a repr asks, so a parked task does not carry a name string it may never show.
     */
    record Runnable(AsyncRunnable body) implements AsyncCallable<Void> {
        @Override
        public Void call() throws Exception {
            body.run();
            return null;
        }

        /** The runnable's name, as {@link Describe#callable} gives it. */
        String name() {
            return Describe.callable(body);
        }
    }
}
