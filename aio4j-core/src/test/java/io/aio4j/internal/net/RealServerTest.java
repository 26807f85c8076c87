package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.net.Connection;
import io.aio4j.net.NoSuchFileOrDirectoryException;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class RealServerTest {

    @Test
    void serveForeverRunsUntilCancelledThenClosesAndWaits() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0,
                    ServerOptions.defaults().startServing(false)));
            assertFalse(server.isServing());
            Task<Void> forever = Aio.createTask(() -> {
                server.serveForever();
                return null;
            });
            Aio.sleep(0.01);
            assertTrue(server.isServing());
            IllegalStateException twice = assertThrows(IllegalStateException.class, server::serveForever);
            assertTrue(twice.getMessage().endsWith("is already being awaited on serveForever()"));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1",
                    SocketTransportTest.port(server)));
            c.transport().write("x".getBytes());
            assertEquals("x", new String(c.protocol().awaitBytes(1)));
            forever.cancel();
            Aio.sleep(0.01);
            assertFalse(forever.isDone(), "waits for the open connection");
            c.transport().close();
            assertThrows(CancelledException.class, () -> Aio.await(forever));
            assertTrue(server.sockets().isEmpty());
            return null;
        });
    }

    @Test
    void closeClientsAndAbortClientsEndTheAcceptedConnections() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
            int port = SocketTransportTest.port(server);
            Connection<Collector> a = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port));
            Connection<Collector> b = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port));
            Aio.sleep(0.01);
            server.close();
            server.closeClients();
            Aio.await(a.protocol().eof);
            Aio.await(b.protocol().eof);
            server.waitClosed();
            Server other = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
            Connection<Collector> d = Aio.await(loop.createConnection(Collector::new, "127.0.0.1",
                    SocketTransportTest.port(other)));
            Aio.sleep(0.01);
            other.abortClients();
            Aio.await(d.protocol().lost);
            other.close();
            other.waitClosed();
            return null;
        });
    }

    @Test
    void reusePortLetsTwoServersShareAPort() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            ServerOptions opts = ServerOptions.defaults().reusePort(true);
            Server first = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0, opts));
            int port = SocketTransportTest.port(first);
            Server second = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", port, opts));
            assertEquals(port, SocketTransportTest.port(second));
            first.close();
            second.close();
            return null;
        });
    }

    @Test
    void aHostWithSeveralAddressesGetsOneListenerEach() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            int n = Aio.await(loop.getaddrinfo("localhost", 0)).stream().map(InetSocketAddress::getAddress)
                    .distinct().toList().size();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "localhost", 0));
            assertEquals(n, server.sockets().size());
            server.close();
            return null;
        });
    }

    @Test
    void unixServerEchoesAndRemovesItsSocketFileOnClose(@TempDir Path dir) {
        Path path = dir.resolve("echo.sock");
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createUnixServer(EchoProtocol::new, path));
            assertEquals(UnixDomainSocketAddress.of(path), server.sockets().get(0));
            assertTrue(Files.exists(path));
            Connection<Collector> c = Aio.await(loop.createUnixConnection(Collector::new, path));
            c.transport().write("unix".getBytes());
            assertEquals("unix", new String(c.protocol().awaitBytes(4)));
            c.transport().close();
            assertNull(Aio.await(c.protocol().lost));
            server.close();
            server.waitClosed();
            assertFalse(Files.exists(path));
            return null;
        });
    }

    @Test
    void aStaleSocketFileIsReplaced(@TempDir Path dir) {
        Path path = dir.resolve("stale.sock");
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server first = Aio.await(loop.createUnixServer(EchoProtocol::new, path));
            // The first server's file is in the way, as a crashed server's would be.
            Server second = Aio.await(loop.createUnixServer(EchoProtocol::new, path));
            Connection<Collector> c = Aio.await(loop.createUnixConnection(Collector::new, path));
            c.transport().close();
            second.close();
            first.close();
            return null;
        });
    }

    @Test
    void connectingToAMissingUnixSocketIsFileNotFound(@TempDir Path dir) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> Aio.run(() -> Aio.await(
                Aio.getRunningLoop().createUnixConnection(Collector::new, dir.resolve("none.sock")))));
        assertInstanceOf(NoSuchFileOrDirectoryException.class, e);
    }
}
