package io.aio4j.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.net.Server;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopStatsTest {
    private final SelectorEventLoop loop = new SelectorEventLoop();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void iterationsRunsAndStepsArePublished() {
        LoopStats stats = loop.probe().stats();
        assertEquals(0, stats.sample().iterations());
        loop.runUntilComplete(loop.createTask(() -> {
            for (int i = 0; i < 5; i++) {
                Aio.sleep(0);
            }
            assertTrue(loop.probe().stats().sample().inSteps(), "a task runs inside an iteration's steps");
            return null;
        }));
        LoopStats.Sample after = stats.sample();
        assertTrue(after.iterations() >= 6, after.toString());
        assertFalse(after.inSteps());
        assertEquals(1, after.runs());
        loop.runUntilComplete(loop.createTask(() -> null));
        assertEquals(2, stats.sample().runs());
    }

    @Test
    void aFlaggedIterationRecordsWhenItEnded() {
        long[] flagged = new long[1];
        loop.callSoon(() -> {
            flagged[0] = loop.probe().stats().sample().iterations();
            loop.probe().stats().flag(flagged[0]);
            loop.stop();
        });
        loop.runForever();
        double end = loop.probe().stats().flaggedEnd(flagged[0]);
        assertTrue(end >= loop.probe().stats().sample().stepsStarted() - 1 && end <= loop.time(), "end " + end);
        assertTrue(Double.isNaN(loop.probe().stats().flaggedEnd(flagged[0] + 1)));
    }

    @Test
    void socketTransportsCountTheirBytesAndThemselves() {
        loop.runUntilComplete(loop.createTask(() -> {
            Server server = Streams.startServer((r, w) -> {
                w.write(r.readLine());
                w.drain();
                r.read();
                w.close();
            }, "127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            StreamPair c = Streams.openConnection("127.0.0.1", port);
            c.writer().write("hello\n".getBytes(StandardCharsets.UTF_8));
            c.writer().drain();
            c.reader().readLine();
            assertEquals(2, loop.probe().stats().sample().transports());
            c.writer().close();
            c.writer().waitClosed();
            server.close();
            server.waitClosed();
            Aio.sleep(0.05);
            return null;
        }));
        LoopStats.Sample s = loop.probe().stats().sample();
        assertEquals(12, s.bytesIn(), s.toString());
        assertEquals(12, s.bytesOut(), s.toString());
        assertEquals(0, s.transports(), s.toString());
    }
}
