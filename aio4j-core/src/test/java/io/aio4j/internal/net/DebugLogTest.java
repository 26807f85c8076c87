package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.testing.LogCapture;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The I/O event lines of debug mode (REFERENCE §3), as the aio4j logger emits them. */
@Timeout(30)
class DebugLogTest {

    @Test
    void connectionServerFlowControlAndTlsEventsAreLogged() {
        try (LogCapture logs = new LogCapture()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                Collector[] accepted = new Collector[1];
                Server server = Aio.await(loop.createServer(() -> accepted[0] = new Collector(), "localhost", 0));
                int port = SocketTransportTest.port(server);
                Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "localhost", port));
                Aio.sleep(0.01);
                accepted[0].transport.pauseReading();
                c.transport().setWriteBufferLimits(1024, 0);
                while (c.protocol().pauses == 0) {
                    c.transport().write(new byte[64 * 1024]);
                }
                accepted[0].transport.resumeReading();
                while (c.protocol().resumes == 0) {
                    Aio.sleep(0.001);
                }
                c.transport().close();
                Aio.await(accepted[0].lost);

                Server tls = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0,
                        ServerOptions.defaults().tls(TestCerts.server())));
                Connection<Collector> t = Aio.await(loop.createConnection(Collector::new, "127.0.0.1",
                        SocketTransportTest.port(tls), ConnectOptions.defaults().tls(TestCerts.client())));
                t.transport().close();
                Aio.await(t.protocol().lost);
                server.close();
                tls.close();
            }, Aio.options().debug(true));

            LogRecord serving = logs.find(" is serving");
            assertNotNull(serving);
            assertEquals(Level.INFO, serving.getLevel());
            assertTrue(serving.getMessage().startsWith("<Server sockets=["), serving.getMessage());
            assertNotNull(logs.find("Get address info host=localhost port="));
            assertMatches(logs, " got a new connection from /127.0.0.1:", "<Server .*> got a new connection from /127\\.0\\.0\\.1:\\d+: .*SocketChannel.*");
            assertMatches(logs, " connected to localhost:",
                    ".*SocketChannel.* connected to localhost:\\d+: \\(<SocketTransport .*>, .*Collector.*\\)");
            assertMatches(logs, " pauses reading", "<SocketTransport .*> pauses reading");
            assertMatches(logs, " resumes reading", "<SocketTransport .*> resumes reading");
            assertMatches(logs, " pauses writing", ".*Collector.* pauses writing");
            assertMatches(logs, " resumes writing", ".*Collector.* resumes writing");
            assertMatches(logs, " received EOF", "<SocketTransport .*> received EOF");
            assertMatches(logs, " starts SSL handshake", "<TlsTransport .*> starts SSL handshake");
            assertMatches(logs, ": SSL handshake took ", "<TlsTransport .*>: SSL handshake took \\d+\\.\\d ms");
            assertEquals(Level.FINE, logs.find(" received EOF").getLevel());
        }
    }

    @Test
    void nothingIsLoggedOutsideDebugMode() {
        try (LogCapture logs = new LogCapture()) {
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                Server server = Aio.await(loop.createServer(EchoProtocol::new, "localhost", 0));
                Connection<Collector> c = Aio.await(loop.createConnection(Collector::new, "localhost",
                        SocketTransportTest.port(server)));
                c.transport().close();
                server.close();
            }, Aio.options().debug(false));
            assertNull(logs.find(" is serving"));
            assertNull(logs.find(" connected to "));
        }
    }

    private static void assertMatches(LogCapture logs, String marker, String regex) {
        LogRecord r = logs.find(marker);
        assertNotNull(r, "no record with '" + marker + "' in " + logs.lines());
        assertTrue(r.getMessage().matches(regex), r.getMessage() + " !~ " + regex);
    }
}
