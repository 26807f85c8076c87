package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.net.ConnectionRefusedException;
import io.aio4j.net.DatagramEndpoint;
import io.aio4j.net.DatagramProtocol;
import io.aio4j.net.DatagramTransport;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DatagramSocketTransportTest {

    /** Echoes each datagram to its sender. */
    static final class Echo implements DatagramProtocol {
        DatagramTransport transport;

        @Override
        public void connectionMade(DatagramTransport t) {
            transport = t;
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress from) {
            transport.sendto(data, from);
        }
    }

    /** Completes its futures with the first datagram, error and loss. */
    static final class Client implements DatagramProtocol {
        final Future<String> datagram = Aio.getRunningLoop().createFuture();
        final Future<Throwable> error = Aio.getRunningLoop().createFuture();
        final Future<Throwable> lost = Aio.getRunningLoop().createFuture();

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress from) {
            if (!datagram.isDone()) {
                datagram.setResult(StandardCharsets.UTF_8.decode(data).toString());
            }
        }

        @Override
        public void errorReceived(Throwable e) {
            if (!error.isDone()) {
                error.setResult(e);
            }
        }

        @Override
        public void connectionLost(Throwable e) {
            lost.setResult(e);
        }
    }

    @Test
    void aConnectedEndpointTalksToAnEchoEndpoint() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            DatagramEndpoint<Echo> server = Aio.await(loop.createDatagramEndpoint(Echo::new,
                    new InetSocketAddress("127.0.0.1", 0), null));
            InetSocketAddress addr = (InetSocketAddress) server.transport().extraInfo("sockname");
            DatagramEndpoint<Client> client = Aio.await(loop.createDatagramEndpoint(Client::new, null, addr));
            assertEquals(addr, client.transport().extraInfo("peername"));
            client.transport().sendto(ByteBuffer.wrap("ping".getBytes()), null);
            assertEquals("ping", Aio.await(client.protocol().datagram));
            assertThrows(IllegalArgumentException.class, () -> client.transport().sendto(ByteBuffer.allocate(1),
                    new InetSocketAddress("127.0.0.1", 1)));
            client.transport().close();
            assertNull(Aio.await(client.protocol().lost));
            server.transport().close();
        });
    }

    @Test
    void anUnreachablePortIsReportedToErrorReceived() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            DatagramEndpoint<Client> client = Aio.await(loop.createDatagramEndpoint(Client::new, null,
                    new InetSocketAddress("127.0.0.1", port)));
            for (int i = 0; i < 50 && !client.protocol().error.isDone(); i++) {
                client.transport().sendto(ByteBuffer.wrap("x".getBytes()), null);
                Aio.sleep(0.01);
            }
            assertInstanceOf(ConnectionRefusedException.class, Aio.await(client.protocol().error));
            client.transport().close();
        });
    }
}
