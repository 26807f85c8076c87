package io.aio4j.txaio.internal;

import io.aio4j.txaio.spi.Driver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * txaio's {@code gather}: waits for every future, then builds the list in input order.
 */
final class Gather {
    private Gather() {
    }

    static RealTxFuture<List<Object>> gather(Driver driver, List<RealTxFuture<?>> children,
            boolean consumeExceptions) {
        RealTxFuture<List<Object>> outer = new RealTxFuture<>(driver.newCell());
        if (children.isEmpty()) {
            outer.cell().trySuccess(List.of());
            return outer;
        }
        AtomicInteger pending = new AtomicInteger(children.size());
        for (RealTxFuture<?> child : children) {
            child.cell().whenDone(() -> {
                if (pending.decrementAndGet() == 0) {
                    complete(outer, children, consumeExceptions);
                }
            });
        }
        outer.cell().whenDone(() -> {
            if (outer.cell().isCancelled()) {
                for (RealTxFuture<?> child : children) {
                    child.cell().tryCancel(null);
                }
            }
        });
        return outer;
    }

    private static void complete(RealTxFuture<List<Object>> outer, List<RealTxFuture<?>> children,
            boolean consumeExceptions) {
        List<Object> results = new ArrayList<>(children.size());
        for (RealTxFuture<?> child : children) {
            if (child.cell().error() == null) {
                results.add(child.cell().value());
            } else if (consumeExceptions) {
                results.add(child.failure());
            } else {
                outer.tryFail(child.failure());
                return;
            }
        }
        outer.cell().trySuccess(Collections.unmodifiableList(results));
    }
}
