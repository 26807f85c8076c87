package io.aio4j.txaio.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.txaio.Backend;
import io.aio4j.txaio.IFailedFuture;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxFuture;
import io.aio4j.txaio.Txaio;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * Adoption that the types say: {@code adoptTx}, {@code adoptStage} and {@code adoptAio4j} return
 * a future typed by what the adopted future carries, so typed callbacks work on every backend; a
 * callback typed for the wrong thing (the old {@code TxFuture<TxFuture<X>>}) fails the derived
 * future with its {@link ClassCastException}, which that future's errback receives.
 */
class AdoptionTest {

    @EachBackend
    void adoptTxIsTypedByTheAdoptedFuture(Harness h) {
        TxApi tx = h.api();
        TxFuture<String> inner = tx.createFuture();
        TxFuture<String> f = tx.adoptTx(() -> inner);
        assertSame(inner, f);
        List<Integer> lengths = new ArrayList<>();
        tx.addCallbacks(f, (String s) -> lengths.add(s.length()), null);
        tx.resolve(inner, "hello");
        h.runPending();
        assertEquals(List.of(5), lengths);
    }

    @EachBackend
    void adoptTxOfAFailingFunctionFails(Harness h) {
        TxApi tx = h.api();
        IllegalStateException boom = new IllegalStateException("boom");
        TxFuture<String> f = tx.adoptTx(() -> {
            throw boom;
        });
        Recorder r = new Recorder();
        tx.addCallbacks(f, r.callback(), r.errback());
        h.runPending();
        assertSame(boom, r.failures.get(0).value());
    }

    @EachBackend
    void adoptStageIsTypedByTheStage(Harness h) {
        TxApi tx = h.api();
        CompletableFuture<Integer> source = new CompletableFuture<>();
        TxFuture<Integer> f = tx.adoptStage(() -> source.minimalCompletionStage());
        List<Integer> doubled = new ArrayList<>();
        tx.addCallbacks(f, (Integer n) -> doubled.add(n * 2), null);
        source.complete(21);
        h.runPending();
        assertEquals(List.of(42), doubled);
    }

    @EachBackend
    void adoptAio4jOnTheAio4jBackendIsTheFutureItself(Harness h) {
        assumeTrue(h.backend() == Backend.AIO4J, "the aio4j backend adopts aio4j futures natively");
        TxApi tx = h.api();
        @SuppressWarnings("unchecked")
        io.aio4j.Future<String> nativeFuture = tx.<String>createFuture().unwrap(io.aio4j.Future.class);
        TxFuture<String> f = tx.adoptAio4j(() -> nativeFuture);
        assertSame(nativeFuture, f.unwrap(io.aio4j.Future.class));
        List<String> seen = new ArrayList<>();
        tx.addCallbacks(f, (String s) -> seen.add(s.toUpperCase()), null);
        nativeFuture.setResult("aio");
        h.runPending();
        assertEquals(List.of("AIO"), seen);
    }

    @EachBackend
    void otherBackendsFollowAnAio4jFuture(Harness h) {
        assumeTrue(h.backend() != Backend.AIO4J, "the aio4j backend adopts aio4j futures natively");
        TxApi tx = h.api();
        try (EventLoop loop = Aio.newEventLoop()) {
            io.aio4j.Future<String> aio = loop.createFuture();
            TxFuture<String> f = tx.adoptAio4j(() -> aio);
            TxFuture<?> untyped = tx.asFuture(() -> aio);
            List<Object> seen = new ArrayList<>();
            tx.addCallbacks(f, (String s) -> seen.add(s.length()), null);
            tx.addCallbacks(untyped, v -> seen.add(v), null);
            loop.callSoon(() -> aio.setResult("from the loop"));
            loop.runUntilComplete(aio);
            for (int i = 0; i < 100 && seen.size() < 2; i++) {
                h.runPending();
                Thread.onSpinWait();
            }
            assertEquals(List.of(13, "from the loop"), seen);
        }
    }

    @EachBackend
    void aCallbackTypedForTheWrongThingFailsTheDerivedFutureWithItsClassCastException(Harness h) {
        TxApi tx = h.api();
        TxFuture<String> inner = tx.createFuture();
        // What asFuture's static type claims when the function returns a future: the future type.
        TxFuture<TxFuture<String>> wronglyTyped = tx.asFuture(() -> inner);
        List<String> seen = new ArrayList<>();
        TxFuture<Integer> derived = tx.addCallbacks(wronglyTyped, (TxFuture<String> x) -> {
            seen.add("callback ran with a future");
            return 1;
        }, null);
        List<IFailedFuture> failures = new ArrayList<>();
        tx.addCallbacks(derived, v -> v, failure -> {
            failures.add(failure);
            return null;
        });
        tx.resolve(inner, "a string, not a future");
        h.runPending();
        assertEquals(List.of(), seen);
        assertEquals(1, failures.size());
        assertInstanceOf(ClassCastException.class, failures.get(0).value());
        assertEquals(List.of(), h.errors());
    }

    @EachBackend
    void aFailuresStringCarriesTheExceptionsMessage(Harness h) {
        IFailedFuture failure = h.api().createFailure(new IllegalStateException("the reason"));
        assertEquals("IFailedFuture[java.lang.IllegalStateException: the reason]", failure.toString());
        assertTrue(h.api().createFailure(new RuntimeException()).toString().contains("java.lang.RuntimeException"));
    }

    @Test
    void withConfigHasTypedOverloads() {
        try (EventLoop loop = Aio.newEventLoop()) {
            assertEquals(Backend.AIO4J, Txaio.withConfig(loop).backend());
        }
        ScheduledExecutorService executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        io.netty.channel.EventLoop nettyLoop = new io.netty.channel.DefaultEventLoop();
        try {
            assertEquals(Backend.JDK, Txaio.withConfig(executor).backend());
            // A Netty EventLoop is a ScheduledExecutorService: that overload still gives the Netty backend.
            assertEquals(Backend.NETTY, Txaio.withConfig(nettyLoop).backend());
            ScheduledExecutorService asExecutor = nettyLoop;
            assertEquals(Backend.NETTY, Txaio.withConfig(asExecutor).backend());
        } finally {
            executor.shutdownNow();
            nettyLoop.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
