package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.net.AioIOException;
import io.aio4j.net.ConnectionRefusedException;
import io.aio4j.net.Connection;
import io.aio4j.net.Server;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConnectTest {

    @Test
    void aHostNameIsResolvedAndConnected() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "localhost",
                    SocketTransportTest.port(server)));
            c.transport().write("hi".getBytes());
            assertEquals("hi", new String(c.protocol().awaitBytes(2)));
            c.transport().close();
            server.close();
        });
    }

    @Test
    void whenEveryAddressFailsTheErrorsAreReportedTogether() {
        RuntimeException one = new ConnectionRefusedException("Connect call failed /127.0.0.1:1: Connection refused");
        assertSame(one, Connect.allFailed(List.of(one)));
        RuntimeException same = new ConnectionRefusedException(one.getMessage());
        assertSame(one, Connect.allFailed(List.of(one, same)));
        RuntimeException other = new ConnectionRefusedException("Connect call failed /[::1]:1: Connection refused");
        RuntimeException all = Connect.allFailed(List.of(one, other));
        assertEquals(AioIOException.class, all.getClass());
        assertEquals("Multiple exceptions: " + one.getMessage() + ", " + other.getMessage(), all.getMessage());
        assertArrayEquals(new Throwable[] {one, other}, all.getSuppressed());
    }

    @Test
    void aRefusedSingleAddressIsThrownAsItIs() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThrows(ConnectionRefusedException.class, () -> Aio.run(
                () -> Aio.await(Aio.getRunningLoop().createConnection(Collector::new, "localhost", port))));
    }

    @Test
    void connectAcceptedSocketWrapsAChannelAcceptedByHand() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0)).configureBlocking(false);
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                Future<SocketChannel> accepted = loop.sockAccept(listener);
                Connection<Collector> client = Aio.await(loop.createConnection(Collector::new, "127.0.0.1",
                        ((InetSocketAddress) listener.getLocalAddress()).getPort()));
                Connection<EchoProtocol> server = Aio.await(loop.connectAcceptedSocket(EchoProtocol::new,
                        Aio.await(accepted), null));
                client.transport().write("wrapped".getBytes());
                assertEquals("wrapped", new String(client.protocol().awaitBytes(7)));
                server.transport().close();
                Aio.await(client.protocol().lost);
            });
        }
    }
}
