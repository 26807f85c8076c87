package io.aio4j.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Future;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.ConnectionResetException;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.tls.TlsContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class StreamsTest {

    static final StreamHandler ECHO_LINES = (reader, writer) -> {
        for (;;) {
            byte[] line = reader.readLine();
            if (line.length == 0) {
                break;
            }
            writer.write(line);
            writer.drain();
        }
        writer.close();
        writer.waitClosed();
    };

    static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    @Test
    void lineEchoServerAndClient() {
        Aio.run(() -> {
            Server server = Streams.startServer(ECHO_LINES, "127.0.0.1", 0);
            StreamPair c = Streams.openConnection("127.0.0.1", port(server));
            c.writer().writeLines(List.of("hello\n".getBytes(), "world\n".getBytes()));
            c.writer().drain();
            assertEquals("hello\n", new String(c.reader().readLine()));
            assertEquals("world\n", new String(c.reader().readLine()));
            c.writer().writeEof();
            assertEquals(0, c.reader().read().length);
            assertTrue(c.reader().atEof());
            c.writer().close();
            c.writer().waitClosed();
            server.close();
            server.waitClosed();
            return null;
        });
    }

    @Test
    void drainAppliesBackpressureAndNoByteIsLost() {
        byte[] payload = new byte[8 * 1024 * 1024];
        new Random(7).nextBytes(payload);
        Aio.run(() -> {
            Server server = Streams.startServer((r, w) -> {
                byte[] all = r.read();
                w.write(all);
                w.drain();
                w.close();
            }, "127.0.0.1", 0);
            StreamPair c = Streams.openConnection("127.0.0.1", port(server));
            for (int off = 0; off < payload.length; off += 65536) {
                c.writer().write(java.nio.ByteBuffer.wrap(payload, off, 65536));
                c.writer().drain();
                assertTrue(c.writer().transport().writeBufferSize() <= 64 * 1024);
            }
            c.writer().writeEof();
            assertArrayEquals(payload, c.reader().read());
            server.close();
            return null;
        });
    }

    @Test
    void drainAfterTheConnectionIsLostRaises() {
        Aio.run(() -> {
            Future<Void> done = Aio.getRunningLoop().createFuture();
            Server server = Streams.startServer((r, w) -> {
                w.transport().abort();
                done.setResult(null);
            }, "127.0.0.1", 0);
            StreamPair c = Streams.openConnection("127.0.0.1", port(server));
            Aio.await(done);
            assertEquals(0, c.reader().read().length);
            c.writer().close();
            Aio.sleep(0.01);
            ConnectionResetException e = assertThrows(ConnectionResetException.class, c.writer()::drain);
            assertEquals("Connection lost", e.getMessage());
            server.close();
            return null;
        });
    }

    @Test
    void anExceptionInTheHandlerGoesToTheExceptionHandlerAndClosesTheConnection() {
        Aio.run(() -> {
            Future<String> reported = Aio.getRunningLoop().createFuture();
            Aio.getRunningLoop().setExceptionHandler((loop, ctx) -> {
                if (!reported.isDone()) {
                    reported.setResult(ctx.message() + ": " + ctx.exception().getMessage());
                }
            });
            Server server = Streams.startServer((r, w) -> {
                throw new IllegalStateException("boom");
            }, "127.0.0.1", 0);
            StreamPair c = Streams.openConnection("127.0.0.1", port(server));
            assertEquals(0, c.reader().read().length);
            assertEquals("Unhandled exception in client_connected_cb: boom", Aio.await(reported));
            server.close();
            return null;
        });
    }

    @Test
    void tlsStreamsAndStartTlsOnAStream() {
        Path dir = io.aio4j.internal.net.TestCertsAccess.dir();
        TlsContext serverCtx = TlsContext.server().loadCertChain(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        TlsContext clientCtx = TlsContext.client().loadVerifyLocations(dir.resolve("cert.pem"));
        Aio.run(() -> {
            Server tlsServer = Streams.startServer(ECHO_LINES, "127.0.0.1", 0,
                    ServerOptions.defaults().tls(serverCtx));
            StreamPair c = Streams.openConnection("127.0.0.1", port(tlsServer),
                    ConnectOptions.defaults().tls(clientCtx));
            c.writer().write("secure\n".getBytes());
            assertEquals("secure\n", new String(c.reader().readLine()));
            c.writer().close();
            c.writer().waitClosed();
            tlsServer.close();

            Server plain = Streams.startServer((r, w) -> {
                assertEquals("STARTTLS\n", new String(r.readLine()));
                w.write("OK\n".getBytes());
                w.startTls(serverCtx, null);
                ECHO_LINES.handle(r, w);
            }, "127.0.0.1", 0);
            StreamPair p = Streams.openConnection("127.0.0.1", port(plain));
            p.writer().write("STARTTLS\n".getBytes());
            assertEquals("OK\n", new String(p.reader().readLine()));
            p.writer().startTls(clientCtx, "localhost");
            assertTrue(p.writer().extraInfo("cipher") != null);
            p.writer().write("upgraded\n".getBytes());
            assertEquals("upgraded\n", new String(p.reader().readLine(), StandardCharsets.US_ASCII));
            p.writer().close();
            plain.close();
            return null;
        });
    }

    @Test
    void unixStreams(@TempDir Path dir) {
        Path path = dir.resolve("s.sock");
        Aio.run(() -> {
            Server server = Streams.startUnixServer(ECHO_LINES, path);
            StreamPair c = Streams.openUnixConnection(path);
            c.writer().write("over unix\n".getBytes());
            assertEquals("over unix\n", new String(c.reader().readLine()));
            c.writer().close();
            server.close();
            server.waitClosed();
            return null;
        });
    }
}
