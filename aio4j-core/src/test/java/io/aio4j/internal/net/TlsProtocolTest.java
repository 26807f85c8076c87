package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionAbortedException;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.Transport;
import io.aio4j.testing.LogCapture;
import io.aio4j.tls.TlsContext;
import io.aio4j.tls.TlsHandshakeException;
import io.aio4j.tls.TlsOptions;
import io.aio4j.tls.VerifyMode;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TlsProtocolTest {

    @Test
    void echoesOverTlsWithAVerifiedCertificate() {
        byte[] payload = new byte[1024 * 1024];
        new Random(1).nextBytes(payload);
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0,
                    ServerOptions.defaults().tls(TestCerts.server())));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1",
                    SocketTransportTest.port(server), ConnectOptions.defaults().tls(TestCerts.client())));
            assertTrue(c.protocol().made.isDone(), "connectionMade before the future completes");
            c.transport().write(payload);
            assertArrayEquals(payload, c.protocol().awaitBytes(payload.length));
            assertFalse(c.transport().canWriteEof());
            assertNotNull(c.transport().extraInfo("cipher"));
            assertNotNull(c.transport().extraInfo("sslcontext"));
            assertNotNull(c.transport().extraInfo("peername"));
            @SuppressWarnings("unchecked")
            List<X509Certificate> certs = (List<X509Certificate>) c.transport().extraInfo("peercert");
            assertTrue(certs.get(0).getSubjectX500Principal().getName().contains("CN=localhost"));
            c.transport().close();
            assertNull(Aio.await(c.protocol().lost));
            server.close();
            server.waitClosed();
            return null;
        });
    }

    @Test
    void theServerNameIsVerifiedByDefault() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0,
                    ServerOptions.defaults().tls(TestCerts.server())));
            TlsHandshakeException e = assertThrows(TlsHandshakeException.class, () -> Aio.await(
                    loop.createConnection(Collector::new, "127.0.0.1", SocketTransportTest.port(server),
                            ConnectOptions.defaults().tls(TestCerts.client()).serverHostname("wrong.example"))));
            assertTrue(e.getMessage().contains("wrong.example"), e.getMessage());
            server.close();
            return null;
        });
    }

    @Test
    void anUntrustedCertificateFailsTheHandshakeAndThePeerLearnsWhy() {
        try (LogCapture logs = new LogCapture()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0,
                        ServerOptions.defaults().tls(TestCerts.otherServer())));
                TlsHandshakeException e = assertThrows(TlsHandshakeException.class, () -> Aio.await(
                        loop.createConnection(Collector::new, "127.0.0.1", SocketTransportTest.port(server),
                                ConnectOptions.defaults().tls(TestCerts.client()))));
                assertInstanceOf(javax.net.ssl.SSLHandshakeException.class, e.getCause());
                for (int i = 0; i < 200 && logs.all("SSL handshake failed").size() < 2; i++) {
                    Aio.sleep(0.01);
                }
                server.close();
                return null;
            }, Aio.options().debug(true));
            // The server's handshake fails with the client's reason, carried by its alert.
            assertTrue(logs.all("SSL handshake failed").stream()
                    .anyMatch(r -> String.valueOf(r.getThrown()).contains("Received fatal alert: certificate_unknown")),
                    () -> logs.all("SSL handshake failed").toString());
        }
    }

    @Test
    void verifyModeNoneAcceptsAnyCertificate() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0,
                    ServerOptions.defaults().tls(TestCerts.otherServer())));
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> TlsContext.client().verifyMode(VerifyMode.CERT_NONE));
            assertEquals("Cannot set verifyMode to CERT_NONE when checkHostname is enabled.", bad.getMessage());
            TlsContext trusting = TlsContext.client().checkHostname(false).verifyMode(VerifyMode.CERT_NONE);
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1",
                    SocketTransportTest.port(server), ConnectOptions.defaults().tls(trusting)));
            c.transport().write("ok".getBytes());
            assertEquals("ok", new String(c.protocol().awaitBytes(2)));
            c.transport().close();
            server.close();
            return null;
        });
    }

    @Test
    void aServerRequiringClientCertificatesAcceptsOneItTrustsAndRejectsNone() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            TlsContext strict = TestCerts.server().verifyMode(VerifyMode.CERT_REQUIRED)
                    .loadVerifyLocations(TestCerts.cert());
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0,
                    ServerOptions.defaults().tls(strict)));
            int port = SocketTransportTest.port(server);
            TlsContext withCert = TestCerts.client().loadCertChain(TestCerts.cert(), TestCerts.key());
            Connection<Collector> ok = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port,
                    ConnectOptions.defaults().tls(withCert)));
            ok.transport().write("mutual".getBytes());
            assertEquals("mutual", new String(ok.protocol().awaitBytes(6)));
            ok.transport().close();

            // TLS 1.3 clients finish their side before the server checks their certificate, so the
            // refusal arrives either as a failed handshake or as the loss of the new connection.
            Throwable refused;
            try {
                Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1", port,
                        ConnectOptions.defaults().tls(TestCerts.client())));
                c.transport().write("x".getBytes());
                refused = Aio.await(c.protocol().lost);
            } catch (TlsHandshakeException e) {
                refused = e;
            }
            assertInstanceOf(io.aio4j.tls.TlsException.class, refused);
            assertTrue(String.valueOf(refused.getMessage()).contains("certificate"), String.valueOf(refused));
            server.close();
            return null;
        });
    }

    @Test
    void alpnNegotiatesTheFirstCommonProtocol() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0,
                    ServerOptions.defaults().tls(TestCerts.server().alpnProtocols("h2", "http/1.1"))));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1",
                    SocketTransportTest.port(server),
                    ConnectOptions.defaults().tls(TestCerts.client().alpnProtocols("http/1.1"))));
            assertEquals("http/1.1", c.transport().extraInfo("alpn"));
            c.transport().close();
            server.close();
            return null;
        });
    }

    @Test
    void aSilentPeerHitsTheHandshakeTimeout() {
        try (LogCapture logs = new LogCapture()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                Server silent = Aio.await(loop.createServer(Collector::new, "127.0.0.1", 0));
                ConnectionAbortedException e = assertThrows(ConnectionAbortedException.class, () -> Aio.await(
                        loop.createConnection(Collector::new, "127.0.0.1", SocketTransportTest.port(silent),
                                ConnectOptions.defaults().tls(TestCerts.client()).handshakeTimeout(0.2))));
                assertEquals("SSL handshake is taking longer than 0.2 seconds: aborting the connection",
                        e.getMessage());
                silent.close();
                return null;
            }, Aio.options().debug(true));
            assertNotNull(logs.find("SSL handshake is taking longer than 0.2 seconds: aborting the connection"));
        }
    }

    @Test
    void startTlsUpgradesALiveConnection() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Future<Transport> serverTls = loop.createFuture();
            Collector serverApp = new Collector();
            Server server = Aio.await(loop.createServer(() -> new Protocol() {
                Transport plain;

                @Override
                public void connectionMade(Transport t) {
                    plain = t;
                }

                @Override
                public void dataReceived(ByteBuffer data) {
                    // "STARTTLS": answer in clear, then upgrade.
                    plain.write("go".getBytes());
                    loop.startTls(plain, serverApp, TlsOptions.server(TestCerts.server()))
                            .addDoneCallback(f -> serverTls.setResult(f.result()));
                }
            }, "127.0.0.1", 0));
            Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "127.0.0.1",
                    SocketTransportTest.port(server)));
            c.transport().write("starttls".getBytes());
            assertEquals("go", new String(c.protocol().awaitBytes(2)));
            Transport secure = Aio.await(loop.startTls(c.transport(), c.protocol(),
                    TlsOptions.client(TestCerts.client()).serverHostname("localhost")));
            Transport serverSecure = Aio.await(serverTls);
            secure.write("secret".getBytes());
            for (int i = 0; i < 500 && serverApp.received.size() < 6; i++) {
                Aio.sleep(0.005);
            }
            assertEquals("secret", serverApp.received.toString());
            serverSecure.write("reply".getBytes());
            assertEquals("goreply", new String(c.protocol().awaitBytes(7)));
            assertNotNull(secure.extraInfo("cipher"));
            secure.close();
            assertNull(Aio.await(c.protocol().lost));
            server.close();
            return null;
        });
    }
}
