package io.aio4j.test.sweep;

import io.aio4j.Aio;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.stream.StreamReader;
import io.aio4j.stream.StreamWriter;
import io.aio4j.stream.Streams;
import io.aio4j.tls.TlsContext;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A line echo server on the sweep's loop (so that the iteration count is reproducible): TCP,
 * TCP with TLS, TCP upgraded to TLS by a first line {@code STARTTLS}, or a Unix socket.
 */
final class EchoServer {
    private final Server server;
    private final Path unixPath;

    private EchoServer(Server server, Path unixPath) {
        this.server = server;
        this.unixPath = unixPath;
    }

    /** A plain TCP server on 127.0.0.1; with {@code tls} (non-null) a TLS server; {@code startTls}: upgrades on "STARTTLS\n". */
    static EchoServer tcp(TlsContext tls, TlsContext startTls) {
        ServerOptions options = ServerOptions.defaults();
        if (tls != null) {
            options = options.tls(tls);
        }
        Server s = Streams.startServer((r, w) -> serve(r, w, startTls), "127.0.0.1", 0, options);
        return new EchoServer(s, null);
    }

    /** A Unix socket server in a new temporary directory. */
    static EchoServer unix() throws Exception {
        Path dir = Files.createTempDirectory("aio4j-sweep");
        Path path = dir.resolve("echo.sock");
        return new EchoServer(Streams.startUnixServer((r, w) -> serve(r, w, null), path), path);
    }

    private static void serve(StreamReader r, StreamWriter w, TlsContext startTls) {
        try {
            if (startTls != null) {
                byte[] first = r.readLine();
                if (!"STARTTLS\n".equals(new String(first))) {
                    return;
                }
                w.write("GO\n".getBytes());
                w.startTls(startTls, null);
            }
            while (true) {
                byte[] line = r.readLine();
                if (line.length == 0) {
                    return;
                }
                w.write(line);
                w.drain();
            }
        } catch (RuntimeException e) {
            // The client went away (reset, cancelled mid-handshake): nothing to serve.
        } finally {
            w.close();
        }
    }

    int port() {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    Path path() {
        return unixPath;
    }

    /** Closes the server and its connections, and waits until it is closed; a task. */
    void close() throws Exception {
        server.close();
        server.closeClients();
        server.waitClosed();
        Aio.sleep(0);
        if (unixPath != null) {
            Files.deleteIfExists(unixPath);
            Files.deleteIfExists(unixPath.getParent());
        }
    }
}
