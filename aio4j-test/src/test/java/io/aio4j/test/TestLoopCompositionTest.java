package io.aio4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.Handle;
import io.aio4j.Task;
import io.aio4j.TimerHandle;
import io.aio4j.net.Server;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A TestLoop is built on the real loop, yet everything made on it says "TestLoop". */
class TestLoopCompositionTest {

    @AioTest
    void theRunningLoopIsTheTestLoop(TestLoop loop) throws Exception {
        assertSame(loop, Aio.getRunningLoop());
        Task<EventLoop> inner = Aio.createTask(Aio::getRunningLoop);
        assertSame(loop, Aio.await(inner));
        AtomicReference<EventLoop> inCallback = new AtomicReference<>();
        loop.callSoon(() -> inCallback.set(Aio.getRunningLoop()));
        Aio.sleep(0);
        assertSame(loop, inCallback.get());
    }

    @AioTest
    void futuresAndTasksMadeOnItBelongToIt(TestLoop loop) {
        assertSame(loop, loop.createFuture().loop());
        assertSame(loop, new Future<String>(loop).loop());
        Task<String> task = loop.createTask(() -> "t");
        assertSame(loop, task.loop());
        assertSame(loop, Aio.createTask(() -> "u").loop());
        assertSame(loop, Aio.currentTask().loop());
        assertEquals("t", Aio.await(task));
        Future<String> made = new Future<>(loop);
        loop.callLater(5, () -> made.setResult("later"));
        assertEquals("later", Aio.await(made), "a future made with new Future<>(testLoop) can be awaited");
        assertEquals(5.0, loop.time(), 1e-6);
    }

    @AioTest
    void theExceptionHandlerIsGivenTheTestLoop(TestLoop loop) {
        List<EventLoop> seen = new ArrayList<>();
        loop.setExceptionHandler((l, context) -> seen.add(l));
        loop.callExceptionHandler(ExceptionContext.of("reported", null));
        loop.callSoon(() -> {
            throw new IllegalStateException("from a callback");
        });
        Aio.sleep(0);
        assertEquals(List.of(loop, loop), seen);
    }

    @AioTest
    void streamsAndServersWorkOnIt(TestLoop loop) throws Exception {
        Server server = Streams.startServer((reader, writer) -> {
            writer.write(reader.readLine());
            writer.close();
        }, "127.0.0.1", 0);
        int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
        StreamPair c = Streams.openConnection("127.0.0.1", port);
        c.writer().write("ping\n".getBytes());
        assertEquals("ping\n", new String(c.reader().readLine()));
        c.writer().close();
        server.close();
        server.waitClosed();
    }

    @Test
    @Timeout(10)
    void runCoroutineThreadsafeRunsOnIt() throws Exception {
        try (TestLoop loop = new TestLoop()) {
            Future<Void> gate = loop.createFuture();
            Thread runner = Thread.ofPlatform().start(() -> loop.runUntilComplete(gate));
            CompletableFuture<EventLoop> seen = new CompletableFuture<>();
            CompletableFuture<String> result = Aio.runCoroutineThreadsafe(() -> {
                seen.complete(Aio.getRunningLoop());
                Aio.sleep(3600);
                gate.setResult(null);
                return "done";
            }, loop);
            assertEquals("done", result.get(5, TimeUnit.SECONDS), "an hour of virtual time takes no real time");
            assertSame(loop, seen.get());
            runner.join(5000);
            assertTrue(!runner.isAlive(), "the loop stopped once the gate opened");
            assertEquals(3600.0, loop.time(), 1e-6);
        }
    }

    @AioTest
    void theIterationHookSeesEveryIterationOnceInOrder(TestLoop loop) {
        List<Long> seen = new ArrayList<>();
        long before = loop.iterationCount();
        loop.onIteration(seen::add);
        Aio.sleep(0);
        Aio.sleep(0);
        Aio.sleep(0);
        loop.onIteration(null);
        long after = loop.iterationCount();
        List<Long> expected = new ArrayList<>();
        for (long i = before + 1; i <= after; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
        assertTrue(seen.size() >= 3, "three sleep(0)s take three iterations at least: " + seen);
        Aio.sleep(0);
        assertEquals(expected, seen, "removed: no more calls");
    }

    @AioTest
    void creationSitesNameTheTestNotTheTestLoop(TestLoop loop) {
        Future<String> f = loop.createFuture();
        assertTrue(f.toString().contains("created at TestLoopCompositionTest.java:"), f.toString());
        f.cancel();
        Handle soon = loop.callSoon(() -> { });
        assertTrue(soon.toString().contains("created at TestLoopCompositionTest.java:"), soon.toString());
        TimerHandle later = loop.callLater(1, () -> { });
        assertTrue(later.toString().contains("created at TestLoopCompositionTest.java:"), later.toString());
        later.cancel();
    }
}
