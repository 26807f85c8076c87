package io.aio4j.txaio.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.Txaio;
import io.aio4j.txaio.internal.Selection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * txaio's test_imports and framework selection; each test starts from "nothing selected".
 */
class SelectionTest {
    private static final String NOT_SELECTED =
            "To use txaio, you must first select a framework with useAio4j(), useNetty() or useJdk()";

    @BeforeEach
    @AfterEach
    void forgetTheSelection() {
        Selection.resetForTests();
    }

    static List<Backend> backends() {
        return Harnesses.backends();
    }

    private static void use(Backend backend) {
        switch (backend) {
            case AIO4J -> Txaio.useAio4j();
            case NETTY -> Txaio.useNetty();
            case JDK -> Txaio.useJdk();
        }
    }

    private static boolean using(Backend backend) {
        return switch (backend) {
            case AIO4J -> Txaio.usingAio4j();
            case NETTY -> Txaio.usingNetty();
            case JDK -> Txaio.usingJdk();
        };
    }

    @Test
    void everyCallBeforeSelectionThrowsTheUsageError() {
        List<Executable> calls = List.of(
                Txaio::createFuture, () -> Txaio.createFutureSuccess(1), () -> Txaio.asFuture(() -> 1),
                () -> Txaio.callLater(1, () -> { }), () -> Txaio.makeBatchedTimer(1, 1), () -> Txaio.sleep(1),
                () -> Txaio.gather(List.of()), () -> Txaio.createFailure(new RuntimeException()),
                Txaio::makeLogger, () -> Txaio.startLogging("info"), Txaio::getGlobalLogLevel,
                () -> Txaio.addLogCategories(Map.of()), Txaio::backend);
        for (Executable call : calls) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertEquals(NOT_SELECTED, e.getMessage());
        }
        assertFalse(Txaio.usingAio4j() || Txaio.usingNetty() || Txaio.usingJdk());
        assertTrue(Txaio.timeNs() > 0);
        assertTrue(Txaio.perfCounterNs() <= Txaio.perfCounterNs());
    }

    @ParameterizedTest
    @MethodSource("backends")
    @Timeout(10)
    void selectingIsRepeatableAndSwitchingThrows(Backend backend) {
        use(backend);
        use(backend);
        assertTrue(using(backend));
        assertEquals(backend, Txaio.backend());
        for (Backend other : Backend.values()) {
            if (other == backend) continue;
            assertFalse(using(other));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> use(other));
            assertEquals("Explicitly using '" + backend + "' already", e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    @Timeout(10)
    void ofGivesACompleteApiWhateverIsSelected(Backend backend) {
        Txaio.useJdk();
        TxApi api = Txaio.of(backend);
        assertEquals(backend, api.backend());
        assertEquals(backend == Backend.JDK, api.usingJdk());
        assertEquals(backend == Backend.NETTY, api.usingNetty());
        assertEquals(backend == Backend.AIO4J, api.usingAio4j());
        assertTrue(api.timeNs() > 0);
        assertEquals(SelectionTest.class.getName(), api.makeLogger().namespace());
    }

    @ParameterizedTest
    @MethodSource("backends")
    @Timeout(10)
    void selectedBackendServesTheStaticApi(Backend backend) throws Exception {
        use(backend);
        if (backend == Backend.AIO4J) {
            // aio4j futures live on the running loop: txaio is used from inside a task
            String got = io.aio4j.Aio.run(() -> {
                var f = Txaio.<String>createFuture();
                var derived = Txaio.addCallbacks(f, v -> v + "!", null);
                Txaio.callLater(0.001, () -> Txaio.resolve(f, "static"));
                return (String) io.aio4j.Aio.await((io.aio4j.Future<?>) derived.unwrap(io.aio4j.Future.class));
            });
            assertEquals("static!", got);
            IllegalStateException e = assertThrows(IllegalStateException.class, Txaio::createFuture);
            assertTrue(e.getMessage().startsWith("txaio on aio4j needs a loop"), e.getMessage());
            return;
        }
        java.util.concurrent.CompletableFuture<Object> got = new java.util.concurrent.CompletableFuture<>();
        var f = Txaio.createFuture();
        Txaio.addCallbacks(f, got::complete, failure -> got.completeExceptionally(failure.value()));
        Txaio.resolve(f, "static");
        assertEquals("static", got.get(5, TimeUnit.SECONDS));
        assertEquals(SelectionTest.class.getName(), Txaio.makeLogger().namespace());
    }

    @Test
    @Timeout(10)
    void withConfigPicksTheBackendFromTheLoop() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        io.netty.channel.DefaultEventLoop nettyLoop = new io.netty.channel.DefaultEventLoop();
        try {
            assertEquals(Backend.JDK, Txaio.withConfig(executor).backend());
            TxApi netty = Txaio.withConfig(nettyLoop);
            assertEquals(Backend.NETTY, netty.backend());
            java.util.concurrent.CompletableFuture<Boolean> onLoop = new java.util.concurrent.CompletableFuture<>();
            var f = netty.createFutureSuccess("x");
            netty.addCallbacks(f, v -> onLoop.complete(nettyLoop.inEventLoop()), null);
            assertTrue(onLoop.join());
            assertTrue(f.unwrap(io.netty.util.concurrent.Promise.class).isSuccess());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Txaio.withConfig("loop"));
            assertTrue(e.getMessage().startsWith("Not a loop txaio can use: java.lang.String"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Txaio.withConfig((Object) null));
        } finally {
            executor.shutdownNow();
            nettyLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }
}
