package io.aio4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The future {@link Aio#gather} returns: asyncio's {@code _GatheringFuture}. Cancelling it
 * cancels the children instead; it then completes once they are done.
 */
final class GatheringFuture<T> extends Future<List<T>> {
    /*
     * Overview: `children` has one entry per argument (an awaitable given twice appears twice,
     * wrapped once). Without returnExceptions the first child that fails or is cancelled
     * completes the outer future with that exception — a CancelledException too, so the outer
     * future is then finished, not cancelled — and the other children keep running. Once all
     * are done the results are collected in argument order; with returnExceptions a failed child
     * contributes its exception and a cancelled one a CancelledException.
     */
    private final List<Future<?>> children;
    private final boolean returnExceptions;
    private final int distinct;
    private int finished;
    private boolean cancelRequested;

    private GatheringFuture(EventLoop loop, List<Future<?>> children, int distinct, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.distinct = distinct;
        this.returnExceptions = returnExceptions;
    }

    /** asyncio.gather of {@code awaitables}, coroutines made tasks of the running loop. */
    static <T> Future<List<T>> gather(List<? extends Awaitable<?>> awaitables, boolean returnExceptions) {
        if (awaitables.isEmpty()) {
            Future<List<T>> outer = Aio.getRunningLoop().createFuture();
            outer.setResult(List.of());
            return outer;
        }
        Map<Awaitable<?>, Future<?>> wrapped = new IdentityHashMap<>();
        List<Future<?>> children = new ArrayList<>(awaitables.size());
        List<Future<?>> alreadyDone = new ArrayList<>();
        EventLoop loop = null;
        for (Awaitable<?> aw : awaitables) {
            Future<?> fut = wrapped.get(aw);
            if (fut == null) {
                fut = Aio.ensureFuture(aw, loop);
                if (loop == null) {
                    loop = fut.loop();
                }
                wrapped.put(aw, fut);
                if (fut.isDone()) {
                    alreadyDone.add(fut);
                }
            }
            children.add(fut);
        }
        GatheringFuture<T> outer = new GatheringFuture<>(loop, children, wrapped.size(), returnExceptions);
        for (Future<?> fut : wrapped.values()) {
            if (!fut.isDone()) {
                fut.addDoneCallback(outer::childDone);
            }
        }
        for (Future<?> fut : alreadyDone) {
            outer.childDone(fut);
        }
        return outer;
    }

    /** Cancels the children; returns whether any of them was cancelled by it. */
    @Override
    public boolean cancel(String msg) {
        if (isDone()) {
            return false;
        }
        boolean any = false;
        for (Future<?> child : children) {
            if (child.cancel(msg)) {
                any = true;
            }
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }

    private void childDone(Future<?> fut) {
        finished++;
        if (isDone()) {
            if (!fut.isCancelled()) {
                fut.exception(); // retrieved: nobody else will look at it
            }
            return;
        }
        if (!returnExceptions) {
            if (fut.isCancelled()) {
                setException(fut.cancelledError());
                return;
            }
            Throwable exc = fut.exception();
            if (exc != null) {
                setException(exc);
                return;
            }
        }
        if (finished == distinct) {
            complete(fut);
        }
    }

    @SuppressWarnings("unchecked")
    private void complete(Future<?> last) {
        List<Object> results = new ArrayList<>(children.size());
        for (Future<?> child : children) {
            if (child.isCancelled()) {
                results.add(child.cancelledError());
            } else {
                Throwable exc = child.exception();
                results.add(exc != null ? exc : child.result());
            }
        }
        if (cancelRequested) {
            setException(last.cancelledError());
        } else {
            setResult((List<T>) Collections.unmodifiableList(results));
        }
    }
}
