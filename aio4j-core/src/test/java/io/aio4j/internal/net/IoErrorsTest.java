package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.net.AioIOException;
import io.aio4j.net.BrokenPipeException;
import io.aio4j.net.ConnectionAbortedException;
import io.aio4j.net.ConnectionRefusedException;
import io.aio4j.net.ConnectionResetException;
import io.aio4j.net.DatagramProtocol;
import io.aio4j.net.InterruptedSystemCallException;
import io.aio4j.net.NoSuchFileOrDirectoryException;
import io.aio4j.net.PermissionException;
import io.aio4j.tls.TlsEofException;
import io.aio4j.tls.TlsException;
import io.aio4j.tls.TlsHandshakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class IoErrorsTest {

    @Test
    void jdkExceptionsMapToTheTypedHierarchyWithTheJdkExceptionAsCause() {
        IOException reset = new SocketException("Connection reset by peer");
        RuntimeException mapped = IoErrors.map(reset);
        assertInstanceOf(ConnectionResetException.class, mapped);
        assertInstanceOf(UncheckedIOException.class, mapped);
        assertSame(reset, mapped.getCause());
        assertInstanceOf(ConnectionResetException.class, IoErrors.map(new SocketException("Connection reset")));
        assertInstanceOf(BrokenPipeException.class, IoErrors.map(new IOException("Broken pipe")));
        assertInstanceOf(ConnectionRefusedException.class, IoErrors.map(new ConnectException("Connection refused")));
        assertInstanceOf(ConnectionAbortedException.class, IoErrors.map(new ClosedChannelException()));
        assertInstanceOf(PermissionException.class, IoErrors.map(new AccessDeniedException("/x")));
        assertInstanceOf(PermissionException.class, IoErrors.map(new SocketException("Permission denied")));
        assertInstanceOf(NoSuchFileOrDirectoryException.class, IoErrors.map(new NoSuchFileException("/x")));
        assertInstanceOf(InterruptedSystemCallException.class, IoErrors.map(new java.io.InterruptedIOException("x")));
        assertInstanceOf(TlsHandshakeException.class, IoErrors.map(new SSLHandshakeException("bad")));
        assertInstanceOf(TlsEofException.class,
                IoErrors.map(new SSLException("closed before receiving peer's close_notify")));
        assertInstanceOf(TlsException.class, IoErrors.map(new SSLException("bad record")));
        AioIOException other = (AioIOException) IoErrors.map(new IOException("Something else"));
        assertEquals(AioIOException.class, other.getClass());
        assertEquals("Something else", other.getMessage());
        IllegalStateException passThrough = new IllegalStateException();
        assertSame(passThrough, IoErrors.map(passThrough));
    }

    @Test
    void connectingToAClosedPortIsRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConnectionRefusedException e = assertThrows(ConnectionRefusedException.class, () -> Aio.run(() ->
                Aio.await(Aio.getRunningLoop().createConnection(Collector::new, "127.0.0.1", port))));
        assertTrue(e.getMessage().startsWith("Connect call failed /127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void aPeerClosingWithLingerZeroResetsTheConnection() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofPlatform().start(() -> {
                try (Socket c = s.accept()) {
                    c.getInputStream().read();
                    c.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // The test fails on the client side if this goes wrong.
                }
            });
            Throwable lost = Aio.run(() -> {
                var c = Aio.await(Aio.getRunningLoop().createConnection(Collector::new, "127.0.0.1", s.getLocalPort()));
                c.transport().write("x".getBytes());
                return Aio.await(c.protocol().lost);
            });
            peer.join();
            assertInstanceOf(ConnectionResetException.class, lost);
        }
    }

    @Test
    void writingAfterThePeerHasGoneIsABrokenPipeOrAReset() throws Exception {
        try (ServerSocketChannel listener = ChannelPair.listen()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                ChannelPair pair = ChannelPair.connect(listener);
                SocketChannel client = pair.client();
                pair.server().close();
                assertEquals(0, Aio.await(loop.sockRecv(client, 10)).length);
                for (int i = 0; i < 50; i++) {
                    Aio.await(loop.sockSendall(client, ByteBuffer.wrap(new byte[1024])));
                    Aio.sleep(0.01);
                }
                return null;
            }));
            // Linux answers the first write after the RST with EPIPE; some stacks report the RST itself.
            assertTrue(e instanceof BrokenPipeException || e instanceof ConnectionResetException, e.toString());
        }
    }

    @Test
    void usingAChannelClosedAfterThePeerWentAwayIsAborted() throws Exception {
        try (ServerSocketChannel listener = ChannelPair.listen()) {
            assertThrows(ConnectionAbortedException.class, () -> Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                ChannelPair pair = ChannelPair.connect(listener);
                SocketChannel client = pair.client();
                pair.server().close();
                Aio.await(loop.sockRecv(client, 10));
                loop.removeReader(client);
                client.close();
                return Aio.await(loop.sockSendall(client, ByteBuffer.wrap(new byte[1])));
            }));
        }
    }

    @Test
    void sendingToTheBroadcastAddressWithoutPermissionIsAPermissionError() {
        Throwable error = Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Future<Throwable> received = loop.createFuture();
            var ep = Aio.await(loop.createDatagramEndpoint(() -> new DatagramProtocol() {
                @Override
                public void errorReceived(Throwable e) {
                    if (!received.isDone()) {
                        received.setResult(e);
                    }
                }
            }, new InetSocketAddress("0.0.0.0", 0), null));
            ep.transport().sendto(ByteBuffer.wrap(new byte[1]), new InetSocketAddress("255.255.255.255", 9));
            Aio.sleep(0.05);
            ep.transport().close();
            return received.isDone() ? received.result() : null;
        });
        assumeTrue(error != null, "skipped: this network stack allows broadcast without SO_BROADCAST");
        assertInstanceOf(PermissionException.class, error);
    }
}
