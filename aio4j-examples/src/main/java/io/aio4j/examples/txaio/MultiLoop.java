package io.aio4j.examples.txaio;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.LoopGroup;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxFuture;
import io.aio4j.txaio.Txaio;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The guide's multi-loop example ({@code examples/multiloop.py}) on a {@link LoopGroup}: no global
 * selection at all; each loop of the group, each on its own thread, gets its own txaio API from
 * {@code Txaio.withConfig(loop)}, and code written against {@code TxApi} runs on any of them.
 *
 * <p>Run: {@code ./run demo multiloop}.
 */
public final class MultiLoop {
    private MultiLoop() {
    }

    /** Library code that only knows a {@code TxApi}: a future resolved after {@code delay} seconds. */
    static TxFuture<String> resolveLater(TxApi txa, double delay, String value) {
        TxFuture<String> f = txa.createFuture();
        txa.callLater(delay, () -> txa.resolve(f, value));
        return txa.addCallbacks(f, v -> v + " (on " + Thread.currentThread().getName() + ")", null);
    }

    /** Runs a group of two loops, each with its own {@code TxApi}. */
    public static void main(String[] args) throws Exception {
        try (LoopGroup group = Aio.newLoopGroup(2)) {
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                EventLoop loop = group.loops().get(i);
                TxApi txa = Txaio.withConfig(loop);
                String name = "loop " + i;
                results.add(group.submit(i, () -> {
                    Future<?> nativeFuture = resolveLater(txa, 0.05, "hello from " + name).unwrap(Future.class);
                    return (String) Aio.await(nativeFuture);
                }));
            }
            for (CompletableFuture<String> r : results) {
                System.out.println(r.get());
            }
        }
    }
}
