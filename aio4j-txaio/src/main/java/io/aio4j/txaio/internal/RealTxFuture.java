package io.aio4j.txaio.internal;

import io.aio4j.txaio.IFailedFuture;
import io.aio4j.txaio.TxFuture;
import io.aio4j.txaio.spi.Cell;

/**
 * A {@link TxFuture} over one {@link Cell}, remembering the {@link IFailedFuture} it was rejected
 * with so errbacks receive that same object.
 *
 * @param <T> the type of the result
 */
public final class RealTxFuture<T> implements TxFuture<T> {
    private final Cell<T> cell;
    private volatile IFailedFuture failure;

    RealTxFuture(Cell<T> cell) {
        this.cell = cell;
    }

    /** Returns the cell behind this future. */
    public Cell<T> cell() {
        return cell;
    }

    /** Fails the cell with {@code f}, remembering it; false if the cell was done already. */
    boolean tryFail(IFailedFuture f) {
        failure = f;
        if (cell.tryFailure(f.value())) {
            return true;
        }
        failure = null;
        return false;
    }

    /** Returns the failure of a failed or cancelled future: the remembered one when it still applies. */
    IFailedFuture failure() {
        Throwable error = cell.error();
        IFailedFuture f = failure;
        if (f != null && f.value() == error) {
            return f;
        }
        f = new RealFailedFuture(error);
        failure = f;
        return f;
    }

    @Override
    public <N> N unwrap(Class<N> nativeType) {
        Object n = cell.nativeFuture();
        if (!nativeType.isInstance(n)) {
            throw new IllegalArgumentException(
                    "native future is a " + n.getClass().getName() + ", not a " + nativeType.getName());
        }
        return nativeType.cast(n);
    }

    @Override
    public String toString() {
        String state;
        if (!cell.isDone()) {
            state = "pending";
        } else if (cell.isCancelled()) {
            state = "cancelled";
        } else if (cell.error() != null) {
            state = "failed " + cell.error().getClass().getSimpleName();
        } else {
            state = "resolved";
        }
        return "TxFuture[" + state + ", " + cell.nativeFuture().getClass().getSimpleName() + "]";
    }
}
