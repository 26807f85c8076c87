package io.aio4j.txaio.internal.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxFuture;
import io.aio4j.txaio.Txaio;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDK backend on real executors: where callbacks run, and what counts as a native future.
 */
@Timeout(10)
class JdkDriverTest {

    @Test
    void callbacksRunOnTheConfiguredExecutorThread() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("my-loop").factory());
        try {
            TxApi tx = Txaio.withConfig(executor);
            CompletableFuture<String> thread = new CompletableFuture<>();
            TxFuture<String> f = tx.createFuture();
            tx.addCallbacks(f, v -> thread.complete(Thread.currentThread().getName()), null);
            tx.resolve(f, "from the test thread");
            assertEquals("my-loop", thread.get(5, TimeUnit.SECONDS));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theDefaultLoopIsOneDaemonThread() throws Exception {
        TxApi tx = Txaio.of(Backend.JDK);
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        tx.callLater(0.001, () -> thread.complete(Thread.currentThread()));
        Thread t = thread.get(5, TimeUnit.SECONDS);
        assertEquals("txaio-jdk", t.getName());
        assertTrue(t.isDaemon());
    }

    @Test
    void plainCompletableFuturesAreNativeButMinimalStagesAreNot() {
        JdkDriver driver = JdkDriver.shared();
        CompletableFuture<String> plain = new CompletableFuture<>();
        assertSame(plain, driver.adopt(plain).nativeFuture());
        assertNull(driver.adopt(plain.minimalCompletionStage()));
        assertNull(driver.adopt("no"));
    }
}
