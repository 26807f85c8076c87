package io.aio4j.txaio.internal.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code Txaio.withConfig(loop)} for each loop of a {@link LoopGroup}: one API per loop, each on its own thread. */
@Timeout(30)
class Aio4jOnLoopGroupTest {

    @Test
    void eachLoopOfAGroupGetsItsOwnApiWhoseFuturesAndTimersStayOnThatLoop() throws Exception {
        try (LoopGroup group = Aio.newLoopGroup(3)) {
            List<TxApi> apis = new ArrayList<>();
            for (EventLoop loop : group.loops()) {
                apis.add(Txaio.withConfig(loop));
            }
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int index = i;
                TxApi tx = apis.get(i);
                EventLoop loop = group.loops().get(i);
                results.add(group.submit(i, () -> {
                    TxFuture<String> f = tx.createFuture();
                    @SuppressWarnings("unchecked")
                    Future<String> nativeFuture = f.unwrap(Future.class);
                    assertSame(loop, nativeFuture.loop());
                    tx.callLater(0.005, () -> {
                        // The timer runs on this loop's thread.
                        assertSame(loop, Aio.getRunningLoop());
                        tx.resolve(f, "loop " + index);
                    });
                    TxFuture<String> chained = tx.addCallbacks(f, v -> v + " via " + Aio.getRunningLoop().equals(loop), null);
                    @SuppressWarnings("unchecked")
                    Future<String> nativeChained = chained.unwrap(Future.class);
                    return Aio.await(nativeChained);
                }));
            }
            for (int i = 0; i < 3; i++) {
                assertEquals("loop " + i + " via true", results.get(i).get(10, TimeUnit.SECONDS));
            }
        }
    }
}
