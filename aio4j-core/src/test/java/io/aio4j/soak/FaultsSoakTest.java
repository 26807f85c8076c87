package io.aio4j.soak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.net.AioIOException;
import io.aio4j.net.ConnectionRefusedException;
import io.aio4j.net.Server;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import io.aio4j.testing.Bounded;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Peers that reset mid-write, half-close, or are not there: each ends typed and the loop lives on. */
@Timeout(value = 30, unit = java.util.concurrent.TimeUnit.MINUTES)
class FaultsSoakTest {

    /** Runs {@code n} bodies, {@code inFlight} at a time, on the running loop. */
    static void concurrently(int n, int inFlight, IntBody body) {
        AtomicInteger next = new AtomicInteger();
        List<Task<Void>> workers = new ArrayList<>();
        for (int w = 0; w < inFlight; w++) {
            workers.add(Aio.createTask(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    body.run(i);
                }
            }));
        }
        for (Task<Void> w : workers) {
            Aio.await(w);
        }
    }

    /** One numbered body. */
    @FunctionalInterface
    interface IntBody {
        void run(int i) throws Exception;
    }

    @Test
    void aResetInTheMiddleOfAWriteEndsTypedOnBothSides() throws Exception {
        int rounds = Soak.size(400, 40);
        Bounded.run(Soak.limit(), () -> Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            AtomicInteger serverTyped = new AtomicInteger();
            // Even rounds: the server resets while the client writes. Odd rounds: the client resets
            // while the server writes.
            Server server = Streams.startServer((r, w) -> {
                byte[] first = r.readExactly(1);
                if (first[0] == 0) {
                    r.readExactly(256 * 1024);
                    ResetCyclesSoakTest.reset(w.transport());
                    return;
                }
                try {
                    for (int i = 0; i < 4096; i++) {
                        w.write(new byte[64 * 1024]);
                        w.drain();
                    }
                } catch (AioIOException e) {
                    serverTyped.incrementAndGet();
                }
                w.close();
            }, "127.0.0.1", 0);
            int port = EchoSoakTest.port(server);
            AtomicInteger clientTyped = new AtomicInteger();
            concurrently(rounds, 8, i -> {
                StreamPair c = Streams.openConnection("127.0.0.1", port);
                c.writer().write(new byte[] {(byte) (i % 2)});
                if (i % 2 == 0) {
                    assertThrows(AioIOException.class, () -> {
                        for (int k = 0; k < 4096; k++) {
                            c.writer().write(new byte[64 * 1024]);
                            c.writer().drain();
                        }
                    });
                    clientTyped.incrementAndGet();
                } else {
                    c.reader().readExactly(512 * 1024);
                    ResetCyclesSoakTest.reset(c.writer().transport());
                }
                c.writer().close();
            });
            while (serverTyped.get() < rounds / 2) {
                Aio.sleep(0.01);
            }
            Soak.assertLoopAlive();
            server.close();
            server.waitClosed();
            reports.assertNoUntyped();
            Soak.report("rst-mid-write", Soak.figures("rounds", rounds, "clientTyped", clientTyped.get(),
                    "serverTyped", serverTyped.get(), "reportsTyped", reports.typed(), "untyped", reports.untyped()));
        }));
    }

    @Test
    void halfClosedConnectionsDeliverEveryByteBothWays() throws Exception {
        int rounds = Soak.size(4000, 150);
        int maxBytes = Soak.size(256 * 1024, 64 * 1024);
        Bounded.run(Soak.limit(), () -> Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            // The server reads to the client's EOF, then answers with what it got, reversed.
            Server server = Streams.startServer((r, w) -> {
                byte[] all = r.read();
                byte[] reversed = new byte[all.length];
                for (int i = 0; i < all.length; i++) {
                    reversed[i] = all[all.length - 1 - i];
                }
                w.write(reversed);
                w.drain();
                w.close();
            }, "127.0.0.1", 0);
            int port = EchoSoakTest.port(server);
            AtomicInteger bytes = new AtomicInteger();
            long start = System.nanoTime();
            concurrently(rounds, 16, i -> {
                byte[] data = new byte[new Random(i).nextInt(maxBytes)];
                new Random(~i).nextBytes(data);
                StreamPair c = Streams.openConnection("127.0.0.1", port);
                c.writer().write(data);
                c.writer().writeEof();
                byte[] back = c.reader().read();
                assertEquals(data.length, back.length, "bytes answered after a half-close");
                for (int k = 0; k < data.length; k++) {
                    if (data[k] != back[back.length - 1 - k]) {
                        assertArrayEquals(data, back, "byte " + k + " differs");
                    }
                }
                assertTrue(c.reader().atEof());
                c.writer().close();
                c.writer().waitClosed();
                bytes.addAndGet(data.length);
            });
            double seconds = Soak.secondsSince(start);
            Soak.assertLoopAlive();
            server.close();
            server.waitClosed();
            reports.assertNoUntyped();
            Soak.report("half-close", Soak.figures("rounds", rounds, "bytes", bytes.get(), "seconds", seconds,
                    "untyped", reports.untyped()));
        }));
    }

    @Test
    void aStormOfRefusedConnectsEndsTypedWithoutLeaks() throws Exception {
        int attempts = Soak.size(20_000, 1_000);
        Bounded.run(Soak.limit(), () -> Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            int port;
            try (ServerSocketChannel closed = ServerSocketChannel.open()) {
                closed.bind(new InetSocketAddress("127.0.0.1", 0));
                port = ((InetSocketAddress) closed.getLocalAddress()).getPort();
            }
            int fdsBefore = Soak.openDescriptors();
            AtomicInteger refused = new AtomicInteger();
            long start = System.nanoTime();
            concurrently(attempts, 256, i -> {
                ConnectionRefusedException e = assertThrows(ConnectionRefusedException.class,
                        () -> Streams.openConnection("127.0.0.1", port));
                assertTrue(e.getMessage() != null);
                refused.incrementAndGet();
            });
            double seconds = Soak.secondsSince(start);
            // A registered channel's descriptor is closed by the selector's next poll: let it poll twice.
            Aio.sleep(0.01);
            Aio.sleep(0.01);
            int fdsAfter = Soak.openDescriptors();
            Soak.assertLoopAlive();
            assertEquals(attempts, refused.get());
            assertTrue(fdsAfter - fdsBefore <= 2, "open descriptors went from " + fdsBefore + " to " + fdsAfter);
            reports.assertNoUntyped();
            Soak.report("refused-storm", Soak.figures("attempts", attempts, "refused", refused.get(),
                    "seconds", seconds, "fdsBefore", fdsBefore, "fdsAfter", fdsAfter, "untyped", reports.untyped()));
        }));
    }
}
