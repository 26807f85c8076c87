package io.aio4j.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.TimeoutException;
import io.aio4j.net.AioIOException;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.stream.LimitOverrunException;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import io.aio4j.testing.Bounded;
import io.aio4j.tls.TlsContext;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Slowloris clients, oversized headers and garbage TLS: each ends typed, the loop serves on. */
@Timeout(value = 30, unit = java.util.concurrent.TimeUnit.MINUTES)
class HostilePeersSoakTest {
    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Reads the whole answer, or the name of the typed error it ended with (an {@code …Exception}). */
    static String answer(StreamPair c) {
        try {
            return new String(c.reader().read(), StandardCharsets.US_ASCII);
        } catch (AioIOException e) {
            return e.getClass().getSimpleName();
        }
    }

    @Test
    void slowlorisAndOversizedHeadersEndTypedWhileOthersAreServed() throws Exception {
        int slow = Math.min(Soak.size(2000, 100), (Soak.softDescriptorLimit() - 300) / 2);
        int fast = Soak.size(2000, 100);
        int oversized = Soak.size(200, 20);
        // Generous beside a fast client's round trip, even on a loaded machine; a slow client never
        // completes its head, so it meets the deadline whatever its length.
        double deadline = Soak.full() ? 5.0 : 2.0;
        Bounded.run(Soak.limit(), () -> Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            // An HTTP-like server: the head must arrive within the deadline and fit in the 8 KiB limit.
            Server server = Streams.startServer((r, w) -> {
                String status;
                try {
                    Aio.timeout(deadline, () -> r.readUntil(END_OF_HEAD));
                    status = "200";
                } catch (TimeoutException e) {
                    status = "408";
                } catch (LimitOverrunException e) {
                    status = "431";
                }
                w.write((status + "\r\n").getBytes(StandardCharsets.US_ASCII));
                w.close();
            }, "127.0.0.1", 0, ServerOptions.defaults().backlog(4096), 8 * 1024);
            int port = EchoSoakTest.port(server);
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            FaultsSoakTest.concurrently(slow + fast + oversized, slow + 64, i -> {
                StreamPair c = Streams.openConnection("127.0.0.1", port);
                String kind;
                if (i < slow) {
                    kind = "slow";
                    // One byte every 100 ms, until the server has answered and closed.
                    var reader = Aio.createTask(() -> answer(c));
                    try {
                        for (int k = 0; !reader.isDone(); k = (k + 1) % (HEAD.length - 4)) {
                            c.writer().write(new byte[] {HEAD[k]});
                            c.writer().drain();
                            Aio.sleep(0.1);
                        }
                    } catch (AioIOException e) {
                        outcomes.computeIfAbsent("slow-write-" + e.getClass().getSimpleName(),
                                x -> new AtomicInteger()).incrementAndGet();
                    }
                    String a = Aio.await(reader);
                    assertTrue(a.equals("408\r\n") || a.endsWith("Exception"), "slow client got: " + a);
                    kind += "-" + a.trim();
                } else if (i < slow + fast) {
                    kind = "fast";
                    c.writer().write(HEAD);
                    assertEquals("200\r\n", answer(c));
                } else {
                    kind = "oversized";
                    c.writer().write(new byte[64 * 1024]);
                    String a = answer(c);
                    assertTrue(a.equals("431\r\n") || a.endsWith("Exception"), "oversized head got: " + a);
                    kind += "-" + a.trim();
                }
                outcomes.computeIfAbsent(kind, x -> new AtomicInteger()).incrementAndGet();
                c.writer().close();
            });
            double seconds = Soak.secondsSince(start);
            Soak.assertLoopAlive();
            server.close();
            server.waitClosed();
            assertEquals(fast, outcomes.get("fast").get(), "fast clients served");
            reports.assertNoUntyped();
            Soak.report("slowloris", Soak.figures("slow", slow, "fast", fast, "oversized", oversized,
                    "seconds", seconds, "outcomes", new java.util.TreeMap<>(outcomes).toString().replace(" ", ""),
                    "untyped", reports.untyped()));
        }));
    }

    /** Bytes a garbage client sends instead of a ClientHello, by kind. */
    static byte[] garbage(int kind, Random random) {
        return switch (kind) {
            case 0 -> { // random bytes
                byte[] b = new byte[1 + random.nextInt(4096)];
                random.nextBytes(b);
                yield b;
            }
            case 1 -> "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII); // plain text to a TLS port
            case 2 -> new byte[] {0x16, 0x03, 0x01, (byte) 0x3f, (byte) 0xff, 1, 0, 0}; // a record, then silence
            case 3 -> new byte[] {0x16, 0x03, 0x03, 0x00, 0x05, 1, 0, 0, 1, 0}; // a truncated ClientHello, then EOF
            default -> new byte[0]; // nothing at all, then EOF
        };
    }

    @Test
    void garbageTlsEndsTypedAndRealClientsStillHandshake() throws Exception {
        int rounds = Soak.size(2000, 100);
        Path dir = io.aio4j.internal.net.TestCertsAccess.dir();
        TlsContext serverCtx = TlsContext.server().loadCertChain(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        TlsContext clientCtx = TlsContext.client().loadVerifyLocations(dir.resolve("cert.pem"));
        Bounded.run(Soak.limit(), () -> Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            Server tls = Streams.startServer(EchoSoakTest.ECHO, "127.0.0.1", 0,
                    ServerOptions.defaults().tls(serverCtx).backlog(1024));
            int port = EchoSoakTest.port(tls);
            // Clients that stall in the handshake go to a server that gives up on them quickly.
            Server impatient = Streams.startServer(EchoSoakTest.ECHO, "127.0.0.1", 0,
                    ServerOptions.defaults().tls(serverCtx).handshakeTimeout(0.5).backlog(1024));
            // A plain server that answers anything with garbage: TLS clients must fail typed.
            Server liar = Streams.startServer((r, w) -> {
                byte[] b = new byte[512];
                new Random(r.hashCode()).nextBytes(b);
                w.write(b);
                w.close();
            }, "127.0.0.1", 0);
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            FaultsSoakTest.concurrently(rounds, 32, i -> {
                Random random = new Random(i);
                String outcome;
                switch (i % 7) {
                    case 5 -> { // a real client, after the garbage: the server still handshakes
                        StreamPair c = Streams.openConnection("127.0.0.1", port, ConnectOptions.defaults().tls(clientCtx));
                        byte[] line = ("round " + i).getBytes(StandardCharsets.US_ASCII);
                        c.writer().write(line);
                        assertEquals("round " + i,
                                new String(c.reader().readExactly(line.length), StandardCharsets.US_ASCII));
                        c.writer().close();
                        outcome = "tls-ok";
                    }
                    case 6 -> { // a TLS client meeting a server that speaks garbage
                        try {
                            StreamPair c = Streams.openConnection("127.0.0.1", EchoSoakTest.port(liar),
                                    ConnectOptions.defaults().tls(clientCtx).handshakeTimeout(5.0));
                            c.writer().close();
                            outcome = "client-handshake-succeeded";
                        } catch (AioIOException e) {
                            outcome = "client-" + e.getClass().getSimpleName();
                        }
                    }
                    default -> {
                        int to = i % 7 == 2 ? EchoSoakTest.port(impatient) : port;
                        StreamPair c = Streams.openConnection("127.0.0.1", to);
                        c.writer().write(garbage(i % 7, random));
                        if (i % 7 >= 3) {
                            c.writer().writeEof();
                        }
                        String a = answer(c);
                        outcome = "garbage" + (i % 7) + "-" + (a.endsWith("Exception") ? a : "eof");
                        c.writer().close();
                    }
                }
                outcomes.computeIfAbsent(outcome, x -> new AtomicInteger()).incrementAndGet();
            });
            double seconds = Soak.secondsSince(start);
            Soak.assertLoopAlive();
            tls.close();
            impatient.close();
            liar.close();
            assertTrue(outcomes.keySet().stream().noneMatch(k -> k.equals("client-handshake-succeeded")));
            reports.assertNoUntyped();
            Soak.report("garbage-tls", Soak.figures("rounds", rounds, "seconds", seconds,
                    "outcomes", new java.util.TreeMap<>(outcomes).toString().replace(" ", ""),
                    "reportsTyped", reports.typed(), "untyped", reports.untyped()));
        }));
    }

    /** Garbage written straight onto the socket after a real handshake: a bad record, typed. */
    @Test
    void garbageAfterTheHandshakeEndsTyped() throws Exception {
        int rounds = Soak.size(500, 30);
        Path dir = io.aio4j.internal.net.TestCertsAccess.dir();
        TlsContext serverCtx = TlsContext.server().loadCertChain(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        TlsContext clientCtx = TlsContext.client().loadVerifyLocations(dir.resolve("cert.pem"));
        Bounded.run(Soak.limit(), () -> Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            AtomicInteger serverTyped = new AtomicInteger();
            Server tls = Streams.startServer((r, w) -> {
                try {
                    EchoSoakTest.ECHO.handle(r, w);
                } catch (AioIOException e) {
                    serverTyped.incrementAndGet();
                    w.close();
                }
            }, "127.0.0.1", 0, ServerOptions.defaults().tls(serverCtx));
            int port = EchoSoakTest.port(tls);
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            FaultsSoakTest.concurrently(rounds, 8, i -> {
                StreamPair c = Streams.openConnection("127.0.0.1", port, ConnectOptions.defaults().tls(clientCtx));
                c.writer().write("hello".getBytes(StandardCharsets.US_ASCII));
                assertEquals("hello", new String(c.reader().readExactly(5), StandardCharsets.US_ASCII));
                byte[] junk = new byte[100 + i];
                new Random(i).nextBytes(junk);
                junk[0] = 0x17; // an application-data record header whose MAC cannot check out
                junk[1] = 0x03;
                junk[2] = 0x03;
                junk[3] = 0;
                junk[4] = 90;
                ((SocketChannel) c.writer().extraInfo("socket")).write(ByteBuffer.wrap(junk));
                String a = answer(c);
                outcomes.computeIfAbsent(a.isEmpty() ? "eof" : a.length() < 40 ? a : "data",
                        x -> new AtomicInteger()).incrementAndGet();
                c.writer().close();
            });
            Soak.assertLoopAlive();
            tls.close();
            reports.assertNoUntyped();
            Soak.report("garbage-after-handshake", Soak.figures("rounds", rounds, "serverTyped", serverTyped.get(),
                    "outcomes", new java.util.TreeMap<>(outcomes).toString().replace(" ", ""),
                    "reportsTyped", reports.typed(), "untyped", reports.untyped()));
        }));
    }
}
