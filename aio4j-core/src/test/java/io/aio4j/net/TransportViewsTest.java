package io.aio4j.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.internal.net.TestCertsAccess;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import io.aio4j.tls.TlsContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The typed views of {@code extraInfo}: {@code peerAddress()}, {@code localAddress()}, {@code sslSession()}. */
@Timeout(30)
class TransportViewsTest {

    @Test
    void tcpTransportsNameBothEnds() {
        Aio.run(() -> {
            Server server = Streams.startServer((r, w) -> {
                w.write(w.transport().peerAddress().toString().getBytes());
                w.close();
            }, "127.0.0.1", 0);
            SocketAddress listening = server.sockets().get(0);
            try (StreamPair c = Streams.openConnection("127.0.0.1", ((InetSocketAddress) listening).getPort())) {
                Transport t = c.writer().transport();
                assertEquals(listening, t.peerAddress());
                assertSame(t.extraInfo("peername"), t.peerAddress());
                assertEquals(t.extraInfo("sockname"), t.localAddress());
                assertEquals("127.0.0.1", ((InetSocketAddress) t.localAddress()).getAddress().getHostAddress());
                // The server saw this end's local address as its peer.
                assertEquals(t.localAddress().toString(), new String(c.reader().read()));
                assertNull(t.sslSession());
            }
            server.close();
        });
    }

    @Test
    void tlsTransportsGiveTheirSession() {
        Path dir = TestCertsAccess.dir();
        TlsContext serverTls = TlsContext.server().loadCertChain(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        TlsContext clientTls = TlsContext.client().loadVerifyLocations(dir.resolve("cert.pem"));
        Aio.run(() -> {
            Server server = Streams.startServer((r, w) -> {
                w.write(w.transport().sslSession().getProtocol().getBytes());
                w.close();
            }, "127.0.0.1", 0, ServerOptions.defaults().tls(serverTls));
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            try (StreamPair c = Streams.openConnection("localhost", port,
                    ConnectOptions.defaults().tls(clientTls))) {
                SSLSession session = c.writer().transport().sslSession();
                assertNotNull(session);
                assertSame(c.writer().extraInfo("sslsession"), session);
                assertTrue(session.getProtocol().startsWith("TLSv1."), session.getProtocol());
                assertEquals(session.getProtocol(), new String(c.reader().read()));
                assertNotNull(c.writer().transport().peerAddress());
            }
            server.close();
        });
    }

    @Test
    void datagramEndpointsNameTheirAddresses() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            DatagramEndpoint<DatagramProtocol> a = Aio.await(loop.createDatagramEndpoint(() -> new DatagramProtocol() { },
                    new InetSocketAddress("127.0.0.1", 0), null));
            InetSocketAddress aAddress = (InetSocketAddress) a.transport().localAddress();
            DatagramEndpoint<DatagramProtocol> b = Aio.await(loop.createDatagramEndpoint(() -> new DatagramProtocol() { },
                    null, aAddress));
            assertNull(a.transport().peerAddress());
            assertEquals(aAddress, b.transport().peerAddress());
            assertEquals(a.transport().extraInfo("sockname"), aAddress);
            assertNotNull(b.transport().localAddress());
            a.transport().close();
            b.transport().close();
        });
    }

    @Test
    void pipesHaveNoAddresses() throws Exception {
        Pipe pipe = Pipe.open();
        try {
            Aio.run(() -> {
                Connection<Protocol> c = Aio.await(Aio.getRunningLoop().connectReadPipe(() -> new Protocol() { }, pipe.source()));
                assertNull(c.transport().peerAddress());
                assertNull(c.transport().localAddress());
                assertNull(c.transport().sslSession());
                c.transport().close();
            });
        } finally {
            pipe.sink().close();
            pipe.source().close();
        }
    }
}
