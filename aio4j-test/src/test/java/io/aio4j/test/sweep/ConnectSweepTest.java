package io.aio4j.test.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import io.aio4j.test.CancellationSweep;
import io.aio4j.test.CancellationSweep.Outcome;
import io.aio4j.test.CancellationSweep.Result;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11, bug 2: a connection (plain, TLS, Unix), a TLS upgrade or a server whose caller was
 * cancelled after it was made but before the caller resumed was left open. Swept at every
 * iteration: whatever was acquired is closed when it cannot be delivered.
 */
@Timeout(120)
class ConnectSweepTest {

    private static final Protocol NOTHING = new Protocol() { };

    @BeforeAll
    static void makeCertificates() {
        // keytool is a JVM start: outside the sweep's per-run time limit.
        Certs.server();
        Certs.client();
    }

    @Test
    void openConnection() {
        Result r = CancellationSweep.withPeer(loop -> EchoServer.tcp(null, null))
                .body(peer -> exchange(Streams.openConnection("127.0.0.1", peer.port())))
                .check(ConnectSweepTest::pingEchoed)
                .tearDown(EchoServer::close)
                .run();
        assertSwept(r);
    }

    @Test
    void openConnectionWithTls() {
        Result r = CancellationSweep.withPeer(loop -> EchoServer.tcp(Certs.server(), null))
                .body(peer -> exchange(Streams.openConnection("127.0.0.1", peer.port(),
                        ConnectOptions.defaults().tls(Certs.client()).serverHostname("localhost"))))
                .check(ConnectSweepTest::pingEchoed)
                .tearDown(EchoServer::close)
                .run();
        assertSwept(r);
    }

    @Test
    void openUnixConnection() {
        Result r = CancellationSweep.withPeer(loop -> EchoServer.unix())
                .body(peer -> exchange(Streams.openUnixConnection(peer.path())))
                .check(ConnectSweepTest::pingEchoed)
                .tearDown(EchoServer::close)
                .run();
        assertSwept(r);
    }

    @Test
    void createConnection() {
        Result r = CancellationSweep.withPeer(loop -> EchoServer.tcp(null, null))
                .body(peer -> {
                    EventLoop loop = Aio.getRunningLoop();
                    Connection<Protocol> c = Aio.await(loop.createConnection(() -> NOTHING, "127.0.0.1", peer.port()));
                    c.transport().close();
                    return "connected";
                })
                .tearDown(EchoServer::close)
                .run();
        assertSwept(r);
    }

    @Test
    void startTls() {
        Result r = CancellationSweep.withPeer(loop -> EchoServer.tcp(null, Certs.server()))
                .body(peer -> {
                    StreamPair s = Streams.openConnection("127.0.0.1", peer.port());
                    try {
                        s.writer().write("STARTTLS\n".getBytes());
                        assertEquals("GO\n", new String(s.reader().readLine()));
                        s.writer().startTls(Certs.client(), "localhost");
                        s.writer().write("ping\n".getBytes());
                        return new String(s.reader().readLine());
                    } finally {
                        s.writer().close();
                    }
                })
                .check(ConnectSweepTest::pingEchoed)
                .tearDown(EchoServer::close)
                .run();
        assertSwept(r);
    }

    @Test
    void createServer() {
        Result r = CancellationSweep.of(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server s = Aio.await(loop.createServer(() -> NOTHING, "127.0.0.1", 0, ServerOptions.defaults()));
            int port = ((InetSocketAddress) s.sockets().get(0)).getPort();
            s.close();
            s.waitClosed();
            return port;
        }).run();
        assertSwept(r);
    }

    /** Writes a line and reads the echo, closing the connection whatever happens. */
    static String exchange(StreamPair s) {
        try {
            s.writer().write("ping\n".getBytes());
            s.writer().drain();
            return new String(s.reader().readLine());
        } finally {
            s.writer().close();
        }
    }

    private static void pingEchoed(Object peer, Outcome o) {
        if (o.completed()) {
            assertEquals("ping\n", o.value());
        }
    }

    /** The sweep cancelled the body in some runs (it did not always complete before the cancellation). */
    static void assertSwept(Result r) {
        assertTrue(r.iterations() > 1, "iterations: " + r);
        assertTrue(r.cancelled() > 0, "no run ended cancelled: " + r);
    }
}
