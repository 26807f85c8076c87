package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.net.Connection;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.Transport;
import io.aio4j.testing.LogCapture;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SocketTransportTest {

    static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    @Test
    void echoesEveryByteInOrder() {
        byte[] payload = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(payload);
        byte[] echoed = Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port(server)));
            for (int off = 0; off < payload.length; off += 100_000) {
                c.transport().write(ByteBuffer.wrap(payload, off, Math.min(100_000, payload.length - off)));
            }
            byte[] got = c.protocol().awaitBytes(payload.length);
            c.transport().close();
            server.close();
            server.waitClosed();
            return got;
        });
        assertArrayEquals(payload, echoed);
    }

    @Test
    void whatWriteQueuedIsCopiedSoTheCallerMayReuseItsBufferAtOnce() {
        // The peer stops reading: the socket fills and write() queues (in direct segments) while the
        // caller overwrites its heap or direct buffer right after each write() returns.
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        byte[] got = Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Collector[] serverSide = new Collector[1];
            Server server = Aio.await(loop.createServer(() -> {
                serverSide[0] = new Collector();
                return serverSide[0];
            }, "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port(server)));
            Aio.sleep(0.01);
            serverSide[0].transport.pauseReading();
            Random random = new Random(11);
            ByteBuffer heap = ByteBuffer.allocate(96 * 1024);
            ByteBuffer direct = ByteBuffer.allocateDirect(160 * 1024);
            int queuedWrites = 0;
            for (int i = 0; queuedWrites < 40; i++) {
                ByteBuffer reused = i % 2 == 0 ? heap : direct;
                byte[] chunk = new byte[reused.capacity() - 7 * (i % 5)];
                random.nextBytes(chunk);
                expected.writeBytes(chunk);
                reused.clear().put(chunk).flip();
                c.transport().write(reused);
                reused.clear();
                while (reused.hasRemaining()) {
                    reused.put((byte) 0x5a);
                }
                if (c.transport().writeBufferSize() > 0) {
                    queuedWrites++;
                }
                assertTrue(expected.size() < 512 * 1024 * 1024, "the socket never filled");
            }
            serverSide[0].transport.resumeReading();
            serverSide[0].awaitBytes(expected.size());
            c.transport().close();
            server.close();
            server.waitClosed();
            return serverSide[0].received.toByteArray();
        });
        assertArrayEquals(expected.toByteArray(), got);
    }

    @Test
    void writeBufferAboveHighWaterPausesTheProtocolAndResumesBelowLow() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Collector[] serverSide = new Collector[1];
            Server server = Aio.await(loop.createServer(() -> {
                serverSide[0] = new Collector();
                return serverSide[0];
            }, "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port(server)));
            Aio.sleep(0.01);
            serverSide[0].transport.pauseReading();
            c.transport().setWriteBufferLimits(64 * 1024, 16 * 1024);
            byte[] chunk = new byte[64 * 1024];
            int sent = 0;
            while (c.protocol().pauses == 0) {
                c.transport().write(chunk);
                sent += chunk.length;
                assertTrue(sent < 512 * 1024 * 1024, "never paused");
            }
            assertTrue(c.transport().writeBufferSize() > 64 * 1024);
            assertEquals(0, c.protocol().resumes);
            serverSide[0].transport.resumeReading();
            while (c.protocol().resumes == 0) {
                Aio.sleep(0.001);
            }
            assertTrue(c.transport().writeBufferSize() <= 16 * 1024);
            serverSide[0].awaitBytes(sent);
            assertEquals(sent, serverSide[0].received.size());
            c.transport().close();
            server.close();
        });
    }

    @Test
    void writeEofHalfClosesAndThePeerCanStillAnswer() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(() -> new Protocol() {
                Transport t;

                @Override
                public void connectionMade(Transport transport) {
                    t = transport;
                }

                @Override
                public boolean eofReceived() {
                    t.write("bye".getBytes());
                    t.close();
                    return true;
                }
            }, "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port(server)));
            c.protocol().keepOpenOnEof = true;
            assertTrue(c.transport().canWriteEof());
            c.transport().write("hi".getBytes());
            c.transport().writeEof();
            assertThrows(IllegalStateException.class, () -> c.transport().write("x".getBytes()));
            Aio.await(c.protocol().eof);
            assertEquals("bye", c.protocol().received.toString());
            c.transport().close();
            assertNull(Aio.await(c.protocol().lost));
            server.close();
        });
    }

    @Test
    void eofClosesTheTransportUnlessTheProtocolKeepsItOpen() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(() -> new Protocol() {
                @Override
                public void connectionMade(Transport t) {
                    t.close();
                }
            }, "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port(server)));
            Aio.await(c.protocol().eof);
            assertNull(Aio.await(c.protocol().lost));
            assertTrue(c.transport().isClosing());
            server.close();
        });
    }

    @Test
    void writesAfterCloseAreDroppedCountedAndWarnedAboutFromTheFifth() {
        try (LogCapture logs = new LogCapture()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
                Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port(server)));
                c.transport().close();
                for (int i = 0; i < 3; i++) {
                    c.transport().write("late".getBytes());
                }
                assertNull(logs.find("socket.send() raised exception."));
                c.transport().write("late".getBytes());
                c.transport().write("late".getBytes());
                assertNotNull(logs.find("socket.send() raised exception."));
                assertNull(Aio.await(c.protocol().lost));
                server.close();
            });
        }
    }

    @Test
    void closeFlushesTheBufferEvenWhenWritesFollowIt() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Collector[] serverSide = new Collector[1];
            Server server = Aio.await(loop.createServer(() -> serverSide[0] = new Collector(), "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port(server)));
            byte[] big = new byte[4 * 1024 * 1024];
            c.transport().write(big);
            assertTrue(c.transport().writeBufferSize() > 0, "the test needs a pending buffer");
            c.transport().close();
            c.transport().write("dropped".getBytes());
            assertNull(Aio.await(c.protocol().lost));
            serverSide[0].awaitBytes(big.length + 1);
            assertEquals(big.length, serverSide[0].received.size());
            server.close();
        });
    }

    @Test
    void abortDropsTheBufferAndReportsConnectionLostWithoutError() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(Collector::new, "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port(server)));
            c.transport().write(new byte[8 * 1024 * 1024]);
            assertTrue(c.transport().writeBufferSize() > 0);
            c.transport().abort();
            assertEquals(0, c.transport().writeBufferSize());
            assertNull(Aio.await(c.protocol().lost));
            server.close();
        });
    }

    @Test
    void extraInfoGivesAddressesAndTheChannel() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port(server)));
            assertEquals(server.sockets().get(0), c.transport().extraInfo("peername"));
            assertEquals(((SocketChannel) c.transport().extraInfo("socket")).getLocalAddress(),
                    c.transport().extraInfo("sockname"));
            assertNull(c.transport().extraInfo("peercert"));
            c.transport().close();
            server.close();
        });
    }

    @Test
    void pauseReadingStopsDataUntilResumed() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port(server)));
            c.transport().pauseReading();
            assertFalse(c.transport().isReading());
            c.transport().write("ping".getBytes());
            Aio.sleep(0.05);
            assertEquals(0, c.protocol().received.size());
            c.transport().resumeReading();
            assertEquals("ping", new String(c.protocol().awaitBytes(4)));
            c.transport().close();
            server.close();
        });
    }

    @Test
    void waterMarksAreValidated() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port(server)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> c.transport().setWriteBufferLimits(10, 20));
            assertEquals("high (10) must be >= low (20) must be >= 0", e.getMessage());
            c.transport().close();
            server.close();
        });
    }
}
