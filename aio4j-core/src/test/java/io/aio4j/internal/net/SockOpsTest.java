package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SockOpsTest {

    @Test
    void connectAcceptSendallAndRecvMoveBytesBothWays() throws Exception {
        try (ServerSocketChannel listener = ChannelPair.listen()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                ChannelPair pair = ChannelPair.connect(listener);
                SocketChannel client = pair.client();
                SocketChannel server = pair.server();
                assertFalse(server.isBlocking());
                byte[] big = new byte[3 * 1024 * 1024];
                big[big.length - 1] = 7;
                Task<Void> send = Aio.createTask(() -> Aio.await(loop.sockSendall(client, ByteBuffer.wrap(big))));
                ByteBuffer into = ByteBuffer.allocate(big.length);
                while (into.hasRemaining()) {
                    assertTrue(Aio.await(loop.sockRecvInto(server, into)) > 0);
                }
                Aio.await(send);
                assertArrayEquals(big, into.array());
                Aio.await(loop.sockSendall(server, ByteBuffer.wrap("pong".getBytes())));
                assertEquals("pong", new String(Aio.await(loop.sockRecv(client, 100))));
                server.close();
                assertEquals(0, Aio.await(loop.sockRecv(client, 100)).length);
                client.close();
            });
        }
    }

    @Test
    void aBlockingChannelIsRejected() throws Exception {
        try (SocketChannel blocking = SocketChannel.open()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> loop.sockRecv(blocking, 10));
                assertEquals("the socket must be non-blocking", e.getMessage());
                assertThrows(IllegalArgumentException.class, () -> loop.addReader(blocking, () -> { }));
            });
        }
    }

    @Test
    void cancellingARecvStopsWaitingAndLosesNothing() throws Exception {
        try (ServerSocketChannel listener = ChannelPair.listen()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                ChannelPair pair = ChannelPair.connect(listener);
                SocketChannel client = pair.client();
                SocketChannel server = pair.server();
                Future<byte[]> pending = loop.sockRecv(client, 10);
                Aio.sleep(0.01);
                pending.cancel();
                Aio.sleep(0.01);
                Aio.await(loop.sockSendall(server, ByteBuffer.wrap("abc".getBytes())));
                assertEquals("abc", new String(Aio.await(loop.sockRecv(client, 10))));
                client.close();
                server.close();
            });
        }
    }

    @Test
    void addReaderCallsBackWhileReadableAndRemoveReaderStops() throws Exception {
        try (ServerSocketChannel listener = ChannelPair.listen()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                Future<Void> called = loop.createFuture();
                loop.addReader(listener, () -> {
                    if (!called.isDone()) {
                        called.setResult(null);
                    }
                });
                SocketChannel client = SocketChannel.open(listener.getLocalAddress());
                Aio.await(called);
                assertTrue(loop.removeReader(listener));
                assertFalse(loop.removeReader(listener));
                Future<Void> wrote = loop.createFuture();
                client.configureBlocking(false);
                loop.addWriter(client, () -> {
                    loop.removeWriter(client);
                    wrote.setResult(null);
                });
                Aio.await(wrote);
                client.close();
            });
        }
    }
}
