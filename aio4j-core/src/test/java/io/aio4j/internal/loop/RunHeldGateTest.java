package io.aio4j.internal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Future;
import java.lang.reflect.Field;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A task bridging a future to a {@link CompletableFuture} does not wait for the gate other threads
 * take to hand work to the loop. In native mode such a wait can strand the loop: the task, waiting
 * for the monitor, can only go on when the loop's thread runs it, and the loop's thread takes the
 * same gate (to run the handed work, or to stop) — if the JVM then wakes the task rather than the
 * loop's thread, both wait for each other.
 */
class RunHeldGateTest {

    @Test
    void aTaskBridgingAFutureDoesNotWaitForTheGate() throws Exception {
        SelectorEventLoop loop = new SelectorEventLoop();
        Object gate = gateOf(loop.threads);
        CountDownLatch take = new CountDownLatch(1);
        CountDownLatch taken = new CountDownLatch(1);
        AtomicBoolean bridged = new AtomicBoolean();
        AtomicBoolean bridgedWhileHeld = new AtomicBoolean();
        // Another thread holds the gate, for 5 s at most, while the task bridges a future.
        Thread holder = Thread.ofPlatform().daemon().name("gate-holder").start(() -> {
            awaitQuietly(take);
            synchronized (gate) {
                taken.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!bridged.get() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                bridgedWhileHeld.set(bridged.get());
            }
        });
        String result = loop.runUntilComplete(Aio.async(() -> {
            take.countDown();
            awaitQuietly(taken);
            Future<String> f = Aio.getRunningLoop().createFuture();
            f.setResult("done");
            CompletableFuture<String> cf = f.toCompletableFuture();
            bridged.set(true);
            return cf.getNow("not yet");
        }));
        holder.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(holder.isAlive(), "the gate holder did not finish");
        assertEquals("done", result, "the bridge of a done future completes at once");
        assertTrue(bridgedWhileHeld.get(), "the task waited for the gate another thread held");
        loop.close();
    }

    private static Object gateOf(LoopThreads threads) throws ReflectiveOperationException {
        Field f = LoopThreads.class.getDeclaredField("gate");
        f.setAccessible(true);
        return f.get(threads);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
