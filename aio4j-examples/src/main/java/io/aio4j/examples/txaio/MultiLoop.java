package io.aio4j.examples.txaio;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxFuture;
import io.aio4j.txaio.Txaio;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide's multi-loop example ({@code examples/multiloop.py}): no global selection at all;
 * each of two aio4j loops, each on its own thread, gets its own txaio API from
 * {@code Txaio.withConfig(loop)}, and code written against {@code TxApi} runs on either.
 *
 * <p>Run: {@code java io.aio4j.examples.txaio.MultiLoop}.
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

    /** Runs one loop per thread, each with its own {@code TxApi}. */
    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of("loop-one", "loop-two")) {
            Thread t = Thread.ofPlatform().name(name).start(() -> {
                try (EventLoop loop = Aio.newEventLoop()) {
                    TxApi txa = Txaio.withConfig(loop);
                    TxFuture<String> f = resolveLater(txa, 0.05, "hello from " + name);
                    Future<?> nativeFuture = f.unwrap(Future.class);
                    System.out.println(loop.runUntilComplete(nativeFuture));
                }
            });
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
