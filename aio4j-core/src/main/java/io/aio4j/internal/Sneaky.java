package io.aio4j.internal;

/** Rethrows any throwable, checked ones included, as the same instance. */
public final class Sneaky {
    private Sneaky() {
    }

    /**
     * Throws {@code error} unchanged. Declared to return an exception so that callers can
     * write {@code throw Sneaky.raise(e)} and the compiler sees the path end.
     */
    public static RuntimeException raise(Throwable error) {
        throw Sneaky.<RuntimeException>doRaise(error);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E doRaise(Throwable error) throws E {
        throw (E) error;
    }
}
