package io.aio4j.txaio.internal;

import io.aio4j.txaio.IFailedFuture;
import io.aio4j.txaio.spi.Driver;
import java.util.function.Function;

/**
 * txaio's {@code addCallbacks}: a derived future fed by a callback or an errback.
 */
final class Callbacks {
    private Callbacks() {
    }

    static <T, R> RealTxFuture<R> derive(Driver driver, RealTxFuture<T> source,
            Function<? super T, ? extends R> callback, Function<IFailedFuture, ? extends R> errback) {
        RealTxFuture<R> derived = new RealTxFuture<>(driver.newCell());
        source.cell().whenDone(() -> {
            if (source.cell().error() == null) {
                onSuccess(derived, source.cell().value(), callback);
            } else {
                onFailure(derived, source.failure(), errback);
            }
        });
        return derived;
    }

    @SuppressWarnings("unchecked")
    private static <T, R> void onSuccess(RealTxFuture<R> derived, T value, Function<? super T, ? extends R> callback) {
        if (callback == null) {
            derived.cell().trySuccess((R) value);
            return;
        }
        R result;
        try {
            result = callback.apply(value);
        } catch (Throwable t) {
            derived.tryFail(new RealFailedFuture(t));
            return;
        }
        derived.cell().trySuccess(result);
    }

    private static <R> void onFailure(RealTxFuture<R> derived, IFailedFuture failure,
            Function<IFailedFuture, ? extends R> errback) {
        if (errback == null) {
            derived.tryFail(failure);
            return;
        }
        R result;
        try {
            result = errback.apply(failure);
        } catch (Throwable t) {
            derived.tryFail(new RealFailedFuture(t));
            return;
        }
        derived.cell().trySuccess(result);
    }
}
