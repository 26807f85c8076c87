package io.aio4j.txaio.internal;

import io.aio4j.txaio.IFailedFuture;

/**
 * The {@link IFailedFuture} txaio makes: a holder of one exception.
 */
public record RealFailedFuture(Throwable value) implements IFailedFuture {

    /** Checks the exception is present. */
    public RealFailedFuture {
        if (value == null) {
            throw new IllegalArgumentException("error == null");
        }
    }

    @Override
    public String toString() {
        return "IFailedFuture[" + value.getClass().getName() + "]";
    }
}
