package io.aio4j.txaio.internal.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aio4j.Aio;
import io.aio4j.Future;
import io.aio4j.test.AioTest;
import io.aio4j.test.TestLoop;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxFuture;
import io.aio4j.txaio.Txaio;

/** The aio4j backend given aio4j-test's virtual-time loop: its futures and timers are the TestLoop's. */
class Aio4jOnTestLoopTest {

    @AioTest
    void txaioOnATestLoopUsesItsFuturesAndItsClock(TestLoop loop) {
        TxApi tx = Txaio.withConfig(loop);
        TxFuture<String> f = tx.createFuture();
        @SuppressWarnings("unchecked")
        Future<String> nativeFuture = f.unwrap(Future.class);
        assertSame(loop, nativeFuture.loop());
        tx.callLater(60, () -> tx.resolve(f, "a minute later"));
        assertEquals("a minute later", Aio.await(nativeFuture));
        assertEquals(60.0, loop.time(), 1e-6);
    }
}
