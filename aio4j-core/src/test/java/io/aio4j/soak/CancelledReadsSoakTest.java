package io.aio4j.soak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.TimeoutException;
import io.aio4j.net.Server;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import io.aio4j.testing.Bounded;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stream reads cancelled while they wait, over and over on live connections: the bytes the peer
 * sends afterwards are all read by the next reader (a cancelled read loses nothing).
 */
@Timeout(value = 30, unit = java.util.concurrent.TimeUnit.MINUTES)
class CancelledReadsSoakTest {

    @Test
    void cancelledStreamReadsLoseNoData() throws Exception {
        int connections = Soak.size(1_000, 50);
        int rounds = Soak.size(20, 10);
        Bounded.run(Soak.limit(), () -> Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            Server server = Streams.startServer(EchoSoakTest.ECHO, "127.0.0.1", 0);
            int port = EchoSoakTest.port(server);
            AtomicInteger cancelled = new AtomicInteger();
            AtomicInteger timedOut = new AtomicInteger();
            long start = System.nanoTime();
            FaultsSoakTest.concurrently(connections, 64, i -> {
                StreamPair c = Streams.openConnection("127.0.0.1", port);
                for (int k = 0; k < rounds; k++) {
                    byte[] sent = ByteBuffer.allocate(16).putLong(i).putLong(k).array();
                    switch (k % 3) {
                        case 0 -> { // cancelled while parked in readExactly
                            Task<byte[]> reader = Aio.createTask(() -> c.reader().readExactly(16));
                            Aio.sleep(0);
                            reader.cancel();
                            TasksSoakTest.assertCancelled(reader);
                            cancelled.incrementAndGet();
                        }
                        case 1 -> { // cancelled by waitFor's timeout while parked in read
                            try {
                                Aio.waitFor(Aio.async(() -> c.reader().read(16)), 0.001);
                                throw new AssertionError("a read returned before anything was sent");
                            } catch (TimeoutException expected) {
                                timedOut.incrementAndGet();
                            }
                        }
                        default -> { // cancelled in readUntil, the separator never sent
                            Task<byte[]> reader = Aio.createTask(() -> c.reader().readUntil(new byte[] {'\n'}));
                            Aio.sleep(0);
                            reader.cancel();
                            TasksSoakTest.assertCancelled(reader);
                            cancelled.incrementAndGet();
                        }
                    }
                    c.writer().write(sent);
                    c.writer().drain();
                    assertArrayEquals(sent, c.reader().readExactly(16), "bytes after a cancelled read");
                }
                c.writer().close();
                c.writer().waitClosed();
            });
            double seconds = Soak.secondsSince(start);
            Soak.assertLoopAlive();
            server.close();
            server.waitClosed();
            reports.assertNoUntyped();
            Soak.report("cancelled-reads", Soak.figures("connections", connections, "cancelled", cancelled.get(),
                    "timedOut", timedOut.get(), "seconds", seconds, "untyped", reports.untyped()));
        }));
    }
}
