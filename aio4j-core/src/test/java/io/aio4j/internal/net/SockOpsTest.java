package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.TimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
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

    // Issue 11, bug 1: the outer future's cancellation did not reach the read, whose reader stayed
    // installed and took (and dropped) the next bytes.
    @Test
    void aRecvCancelledByATimeoutLeavesLaterBytesToTheNextRecv() throws Exception {
        try (ServerSocketChannel listener = ChannelPair.listen()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                ChannelPair pair = ChannelPair.connect(listener);
                SocketChannel client = pair.client();
                SocketChannel server = pair.server();
                assertThrows(TimeoutException.class, () -> Aio.waitFor(loop.sockRecv(client, 100), 0.05));
                Aio.await(loop.sockSendall(server, ByteBuffer.wrap("abc".getBytes())));
                Aio.sleep(0.05); // the loop polls: a reader left installed would read the bytes now
                assertEquals("abc", new String(Aio.waitFor(loop.sockRecv(client, 100), 5)));
                ByteBuffer into = ByteBuffer.allocate(10);
                assertThrows(TimeoutException.class, () -> Aio.waitFor(loop.sockRecvInto(client, into), 0.05));
                Aio.await(loop.sockSendall(server, ByteBuffer.wrap("def".getBytes())));
                Aio.sleep(0.05);
                assertEquals(3, Aio.waitFor(loop.sockRecvInto(client, into), 5));
                assertEquals("def", new String(into.array(), 0, into.position()));
                client.close();
                server.close();
            });
        }
    }

    // Issue 11, bug 1: bytes read for a task cancelled before it resumed are kept for the next recv.
    @Test
    void bytesReadForATaskCancelledBeforeItResumedGoToTheNextRecv() throws Exception {
        try (ServerSocketChannel listener = ChannelPair.listen()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                ChannelPair pair = ChannelPair.connect(listener);
                SocketChannel client = pair.client();
                SocketChannel server = pair.server();
                Task<byte[]> reader = Aio.createTask(() -> {
                    Future<byte[]> recv = loop.sockRecv(client, 100);
                    Task<?> self = Aio.currentTask();
                    // Registered before the task's own wakeup: runs first, once the bytes are read.
                    recv.addDoneCallback(f -> self.cancel());
                    return Aio.await(recv);
                });
                Aio.sleep(0.01);
                Aio.await(loop.sockSendall(server, ByteBuffer.wrap("abc".getBytes())));
                assertThrows(CancelledException.class, () -> Aio.await(reader));
                Aio.await(loop.sockSendall(server, ByteBuffer.wrap("def".getBytes())));
                Aio.sleep(0.01);
                assertEquals("ab", new String(Aio.waitFor(loop.sockRecv(client, 2), 5)));
                StringBuilder rest = new StringBuilder();
                while (rest.length() < 4) {
                    rest.append(new String(Aio.waitFor(loop.sockRecv(client, 100), 5)));
                }
                assertEquals("cdef", rest.toString(), "the kept bytes first, then the newer ones");
                client.close();
                server.close();
            });
        }
    }

    // Issue 11, bug 1: a connection accepted for a task cancelled before it resumed is closed, not leaked.
    @Test
    void aConnectionAcceptedForATaskCancelledBeforeItResumedIsClosed() throws Exception {
        try (ServerSocketChannel listener = ChannelPair.listen()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                Future<SocketChannel> accepted = loop.createFuture();
                Task<SocketChannel> acceptor = Aio.createTask(() -> {
                    Future<SocketChannel> accept = loop.sockAccept(listener);
                    Task<?> self = Aio.currentTask();
                    accept.addDoneCallback(f -> {
                        accepted.setResult(f.result());
                        self.cancel();
                    });
                    return Aio.await(accept);
                });
                Aio.sleep(0.01);
                SocketChannel client = SocketChannel.open();
                client.configureBlocking(false);
                Aio.await(loop.sockConnect(client, listener.getLocalAddress()));
                assertThrows(CancelledException.class, () -> Aio.await(acceptor));
                assertFalse(Aio.await(accepted).isOpen());
                assertEquals(0, Aio.waitFor(loop.sockRecv(client, 10), 5).length, "the peer sees EOF");
                client.close();
            });
        }
    }

    // Issue 11, bug 3: cancelling sockConnect in the iteration where the connect completes sent
    // "Exception in callback Readiness" (InvalidStateException: CANCELLED) to the exception handler.
    @Test
    void cancellingAConnectInTheIterationItCompletesReportsNothing() throws Exception {
        try (ServerSocketChannel listener = ChannelPair.listen()) {
            List<ExceptionContext> reports = new ArrayList<>();
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                loop.setExceptionHandler((l, c) -> reports.add(c));
                SocketChannel client = SocketChannel.open();
                client.configureBlocking(false);
                Future<Future<Void>> connecting = loop.createFuture();
                loop.callSoon(() -> {
                    Future<Void> connect = loop.sockConnect(client, listenerAddress(listener));
                    // Block this iteration until the kernel has connected, then cancel in the next one,
                    // where the connect's readiness is run after the cancellation.
                    sleepQuietly(100);
                    loop.callSoon(connect::cancel);
                    connecting.setResult(connect);
                });
                Future<Void> connect = Aio.await(connecting);
                Aio.sleep(0.05);
                assertTrue(connect.isCancelled());
                client.close();
            });
            assertEquals(List.of(), reports.stream().map(c -> c.message() + ": " + c.exception()).toList());
        }
    }

    private static java.net.SocketAddress listenerAddress(ServerSocketChannel listener) {
        try {
            return listener.getLocalAddress();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
