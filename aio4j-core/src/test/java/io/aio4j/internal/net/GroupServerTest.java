package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.LoopGroup;
import io.aio4j.net.AioIOException;
import io.aio4j.net.Balancing;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.Transport;
import io.aio4j.stream.Streams;
import io.aio4j.testing.Bounded;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A {@link LoopGroup}'s server: connections spread over the loops, each served by one loop, closing covers all. */
@Timeout(120)
class GroupServerTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** Counts the connections each loop served; every callback checks it runs on the connection's loop thread. */
    static final class Tally {
        final Map<EventLoop, AtomicInteger> perLoop = new ConcurrentHashMap<>();
        final AtomicInteger made = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();
        final List<String> violations = new CopyOnWriteArrayList<>();

        Protocol newProtocol() {
            return new Protocol() {
                private Thread thread;
                private EventLoop loop;
                private Transport transport;

                private void check(String callback) {
                    if (Thread.currentThread() != thread || Aio.getRunningLoop() != loop) {
                        violations.add(callback + " on " + Thread.currentThread() + ", connection made on " + thread);
                    }
                }

                @Override
                public void connectionMade(Transport t) {
                    thread = Thread.currentThread();
                    loop = Aio.getRunningLoop();
                    transport = t;
                    perLoop.computeIfAbsent(loop, l -> new AtomicInteger()).incrementAndGet();
                    made.incrementAndGet();
                }

                @Override
                public void dataReceived(ByteBuffer data) {
                    check("dataReceived");
                    transport.write(data);
                }

                @Override
                public boolean eofReceived() {
                    check("eofReceived");
                    return false;
                }

                @Override
                public void connectionLost(Throwable errorOrNull) {
                    check("connectionLost");
                    lost.incrementAndGet();
                }
            };
        }

        int on(EventLoop loop) {
            AtomicInteger n = perLoop.get(loop);
            return n == null ? 0 : n.get();
        }
    }

    private static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    private static SocketChannel connect(int port) throws IOException {
        return SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    private static byte[] roundTrip(SocketChannel ch, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        ch.write(ByteBuffer.wrap(out));
        ByteBuffer in = ByteBuffer.allocate(out.length);
        while (in.hasRemaining()) {
            if (ch.read(in) < 0) {
                break;
            }
        }
        return in.flip().remaining() == 0 ? new byte[0] : java.util.Arrays.copyOf(in.array(), in.limit());
    }

    /** Opens and closes {@code n} connections one after the other and waits until the server saw each one end. */
    private static void connectAndClose(int port, int n, Tally tally) throws Exception {
        for (int i = 0; i < n; i++) {
            try (SocketChannel ch = connect(port)) {
                ch.shutdownOutput();
            }
        }
        waitUntil(() -> tally.made.get() == n && tally.lost.get() == n, "the server saw " + n + " connections end");
    }

    @Test
    void reusePortSpreadsAThousandConnectionsOverFourLoopsWithinTwiceTheirShare() throws Exception {
        assumeTrue(Balancing.reusePortBalances(), "SO_REUSEPORT does not balance on this OS");
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(4)) {
                Tally tally = new Tally();
                GroupServer server = (GroupServer) group.createServer(tally::newProtocol, "127.0.0.1", 0,
                        ServerOptions.defaults(), Balancing.AUTO);
                assertEquals(Balancing.REUSE_PORT, server.balancing());
                connectAndClose(port(server), 1000, tally);
                for (EventLoop loop : group.loops()) {
                    int n = tally.on(loop);
                    assertTrue(n <= 500, "a loop served " + n + " of 1000 connections: " + tally.perLoop.values());
                }
                assertEquals(List.of(), tally.violations);
            }
        });
    }

    @Test
    void theAcceptorHandsAThousandConnectionsOutExactlyRoundRobin() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(4)) {
                Tally tally = new Tally();
                GroupServer server = (GroupServer) group.createServer(tally::newProtocol, "127.0.0.1", 0,
                        ServerOptions.defaults(), Balancing.ACCEPTOR);
                assertEquals(Balancing.ACCEPTOR, server.balancing());
                connectAndClose(port(server), 1000, tally);
                for (EventLoop loop : group.loops()) {
                    assertEquals(250, tally.on(loop), tally.perLoop.values().toString());
                }
                assertEquals(List.of(), tally.violations);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(value = Balancing.class, names = {"REUSE_PORT", "ACCEPTOR"})
    void everyCallbackOfAConnectionRunsOnTheLoopThatMadeIt(Balancing balancing) throws Exception {
        assumeTrue(balancing != Balancing.REUSE_PORT || Balancing.reusePortBalances());
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(3)) {
                Tally tally = new Tally();
                Server server = group.createServer(tally::newProtocol, "127.0.0.1", 0, ServerOptions.defaults(), balancing);
                int port = port(server);
                int clients = 30;
                List<CompletableFuture<Void>> done = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int id = c;
                    done.add(CompletableFuture.runAsync(() -> {
                        try (SocketChannel ch = connect(port)) {
                            for (int m = 0; m < 3; m++) {
                                String msg = "client " + id + " message " + m;
                                assertArrayEquals(msg.getBytes(StandardCharsets.UTF_8), roundTrip(ch, msg));
                            }
                            if (id % 3 == 0) {
                                // Killed mid-stream: RST instead of FIN, with data in flight.
                                ch.setOption(StandardSocketOptions.SO_LINGER, 0);
                                ch.write(ByteBuffer.wrap(new byte[1000]));
                            }
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, Thread::startVirtualThread));
                }
                for (CompletableFuture<Void> f : done) {
                    f.get(30, TimeUnit.SECONDS);
                }
                waitUntil(() -> tally.lost.get() == clients, "every connection was lost");
                assertEquals(clients, tally.made.get());
                assertEquals(List.of(), tally.violations);
                assertEquals(clients, group.loops().stream().mapToInt(tally::on).sum());
            }
        });
    }

    @Test
    void aFactoryThatThrowsOnOneLoopClosesThatConnectionReportsItThereAndTheOthersKeepServing() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(4)) {
                EventLoop bad = group.loops().get(1);
                Map<EventLoop, List<ExceptionContext>> reports = new ConcurrentHashMap<>();
                for (EventLoop loop : group.loops()) {
                    List<ExceptionContext> mine = new CopyOnWriteArrayList<>();
                    reports.put(loop, mine);
                    group.submit(group.loops().indexOf(loop), () -> loop.setExceptionHandler((l, c) -> mine.add(c))).get();
                }
                Tally tally = new Tally();
                Server server = group.createServer(() -> {
                    if (Aio.getRunningLoop() == bad) {
                        throw new IllegalStateException("no protocol on this loop");
                    }
                    return tally.newProtocol();
                }, "127.0.0.1", 0, ServerOptions.defaults(), Balancing.ACCEPTOR);
                int port = port(server);
                for (int i = 0; i < 8; i++) {
                    try (SocketChannel ch = connect(port)) {
                        byte[] echoed;
                        try {
                            echoed = roundTrip(ch, "ping");
                        } catch (IOException reset) {
                            echoed = new byte[0];
                        }
                        if (i % 4 == 1) {
                            assertEquals(0, echoed.length, "connection " + i + " should have been closed");
                        } else {
                            assertArrayEquals("ping".getBytes(StandardCharsets.UTF_8), echoed, "connection " + i);
                        }
                    }
                }
                waitUntil(() -> reports.get(bad).size() == 2, "loop 1 reported both connections");
                for (ExceptionContext c : reports.get(bad)) {
                    assertEquals("Error on transport creation for incoming connection", c.message());
                    assertEquals("no protocol on this loop", c.exception().getMessage());
                }
                for (EventLoop loop : group.loops()) {
                    if (loop != bad) {
                        assertEquals(List.of(), reports.get(loop));
                    }
                }
                assertEquals(List.of(), tally.violations);
            }
        });
    }

    @Test
    void closeStopsListeningOnEveryLoopAndWaitClosedWaitsForEveryLoopsConnections() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(3)) {
                Tally tally = new Tally();
                Server server = group.createServer(tally::newProtocol, "127.0.0.1", 0, ServerOptions.defaults());
                int port = port(server);
                assertTrue(server.isServing());
                List<SocketChannel> clients = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    SocketChannel ch = connect(port);
                    assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), roundTrip(ch, "hi"));
                    clients.add(ch);
                }
                server.close();
                assertEquals(List.of(), server.sockets());
                assertFalse(server.isServing());
                waitUntil(() -> refused(port), "no loop listens any more");
                CompletableFuture<Void> waited = CompletableFuture.runAsync(server::waitClosed, Thread::startVirtualThread);
                // Connections accepted before close stay open and keep being served.
                for (SocketChannel ch : clients) {
                    assertArrayEquals("still".getBytes(StandardCharsets.UTF_8), roundTrip(ch, "still"));
                }
                assertFalse(waited.isDone());
                for (SocketChannel ch : clients) {
                    ch.close();
                }
                waited.get(30, TimeUnit.SECONDS);
                // (The probe that found the port refused may have been accepted by a loop not yet closed.)
                waitUntil(() -> tally.lost.get() == tally.made.get(), "every connection, probes included, was lost");
                assertTrue(tally.made.get() >= 12);
            }
        });
    }

    private static boolean refused(int port) {
        try (SocketChannel ch = connect(port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void streamsStartServerOnAGroupRunsEachHandlerOnTheLoopThatAcceptedIt() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(2)) {
                // Started from a task of the group: it suspends that task, it does not block its loop.
                Server server = group.submit(0, () -> Streams.startServer(group, (reader, writer) -> {
                    byte[] line = reader.readLine();
                    String reply = group.loops().indexOf(Aio.getRunningLoop()) + ":" + new String(line, StandardCharsets.UTF_8);
                    writer.write(reply.getBytes(StandardCharsets.UTF_8));
                    writer.drain();
                    writer.close();
                }, "127.0.0.1", 0, ServerOptions.defaults(), Balancing.ACCEPTOR)).get(30, TimeUnit.SECONDS);
                int port = port(server);
                List<String> replies = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    try (SocketChannel ch = connect(port)) {
                        ch.write(ByteBuffer.wrap(("hello " + i + "\n").getBytes(StandardCharsets.UTF_8)));
                        ByteBuffer in = ByteBuffer.allocate(100);
                        while (ch.read(in) >= 0) {
                            // to EOF
                        }
                        replies.add(new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
                    }
                }
                assertEquals(List.of("0:hello 0\n", "1:hello 1\n", "0:hello 2\n", "1:hello 3\n"), replies);
                server.close();
                server.waitClosed();
            }
        });
    }

    @Test
    void shuttingTheGroupDownUnderLoadClosesItsServerAndEndsTheHandlers() throws Exception {
        Bounded.run(LIMIT, () -> {
            LoopGroup group = Aio.newLoopGroup(2);
            AtomicInteger handlersEnded = new AtomicInteger();
            Server server = Streams.startServer(group, (reader, writer) -> {
                try {
                    while (true) {
                        byte[] data = reader.read(1024);
                        if (data.length == 0) {
                            break;
                        }
                        writer.write(data);
                        writer.drain();
                    }
                } finally {
                    handlersEnded.incrementAndGet();
                }
            }, "127.0.0.1", 0);
            int port = port(server);
            List<SocketChannel> clients = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                SocketChannel ch = connect(port);
                assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), roundTrip(ch, "x"));
                clients.add(ch);
            }
            group.shutdownGracefully(Duration.ZERO, Duration.ofMillis(200));
            assertEquals(6, handlersEnded.get());
            assertTrue(group.loops().stream().allMatch(EventLoop::isClosed));
            assertEquals(List.of(), server.sockets());
            for (SocketChannel ch : clients) {
                ByteBuffer in = ByteBuffer.allocate(10);
                int n;
                try {
                    n = ch.read(in);
                } catch (IOException reset) {
                    n = -1;
                }
                assertEquals(-1, n, "the server side of every connection is closed");
                ch.close();
            }
            Tally late = new Tally();
            assertThrows(IllegalStateException.class, () -> group.createServer(late::newProtocol,
                    "127.0.0.1", 0, ServerOptions.defaults()));
        });
    }

    @Test
    void shuttingTheGroupDownFlushesAndClosesEveryProtocolConnectionOnEveryLoop() throws Exception {
        Bounded.run(LIMIT, () -> {
            LoopGroup group = Aio.newLoopGroup(3);
            int replySize = 1 << 20;
            AtomicInteger replying = new AtomicInteger();
            Server server = group.createServer(() -> new Protocol() {
                private Transport transport;

                @Override
                public void connectionMade(Transport t) {
                    transport = t;
                }

                @Override
                public void dataReceived(ByteBuffer data) {
                    // A reply far larger than the socket buffers: most of it still queued at shutdown.
                    transport.write(new byte[replySize]);
                    replying.incrementAndGet();
                }
            }, "127.0.0.1", 0, ServerOptions.defaults());
            int port = port(server);
            List<SocketChannel> clients = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                SocketChannel ch = connect(port);
                ch.write(ByteBuffer.wrap(new byte[] {1}));
                clients.add(ch);
            }
            List<CompletableFuture<Long>> received = new ArrayList<>();
            for (SocketChannel ch : clients) {
                received.add(CompletableFuture.supplyAsync(() -> {
                    long total = 0;
                    ByteBuffer in = ByteBuffer.allocate(64 * 1024);
                    try {
                        // Slow reader: the server still has most of the reply to write when shutdown begins.
                        Thread.sleep(200);
                        for (int n; (n = ch.read(in.clear())) >= 0; ) {
                            total += n;
                        }
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return total;
                }, Thread::startVirtualThread));
            }
            waitUntil(() -> replying.get() == 6, "every connection is being answered");
            group.shutdownGracefully(Duration.ZERO, Duration.ofSeconds(20));
            for (CompletableFuture<Long> r : received) {
                assertEquals(replySize, r.get(30, TimeUnit.SECONDS), "every byte written before shutdown arrives, then EOF");
            }
            for (SocketChannel ch : clients) {
                ch.close();
            }
        });
    }

    @Test
    void aBindFailureOnTheGroupIsThrownAndTheGroupKeepsWorking() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(2)) {
                Server first = group.createServer(EchoProtocol::new, "127.0.0.1", 0, ServerOptions.defaults(), Balancing.ACCEPTOR);
                int taken = port(first);
                assertThrows(AioIOException.class,
                        () -> group.createServer(EchoProtocol::new, "127.0.0.1", taken, ServerOptions.defaults(), Balancing.ACCEPTOR));
                try (SocketChannel ch = connect(taken)) {
                    assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), roundTrip(ch, "ok"));
                }
                assertEquals(5, group.submit(1, () -> 5).get());
            }
        });
    }
}
