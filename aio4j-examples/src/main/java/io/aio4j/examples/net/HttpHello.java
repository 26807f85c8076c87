package io.aio4j.examples.net;

import io.aio4j.Aio;
import io.aio4j.net.Server;
import io.aio4j.stream.IncompleteReadException;
import io.aio4j.stream.StreamReader;
import io.aio4j.stream.StreamWriter;
import io.aio4j.stream.Streams;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 "Hello, World!" server on aio4j streams: one task per connection reads requests
 * with {@code readUntil("\r\n\r\n")} and answers each, keeping the connection alive unless the
 * client asks to close it. Run: {@code ./run demo http [port]}, then {@code curl localhost:8080}.
 */
public final class HttpHello {
    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = "Hello, World!\n".getBytes(StandardCharsets.US_ASCII);

    private HttpHello() {
    }

    /** Starts the server on {@code host:port} (port 0: any) in the running loop. */
    public static Server start(String host, int port) {
        return Streams.startServer(HttpHello::serve, host, port);
    }

    static void serve(StreamReader reader, StreamWriter writer) {
        try {
            for (;;) {
                byte[] head;
                try {
                    head = reader.readUntil(END_OF_HEAD);
                } catch (IncompleteReadException e) {
                    return; // the client closed the connection between requests
                }
                String text = new String(head, StandardCharsets.ISO_8859_1);
                boolean close = text.toLowerCase(Locale.ROOT).contains("\r\nconnection: close")
                        || text.startsWith("HTTP/1.0", text.indexOf("\r\n") - 8);
                String status = text.startsWith("GET ") || text.startsWith("HEAD ") ? "200 OK" : "405 Method Not Allowed";
                String response = "HTTP/1.1 " + status + "\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\n"
                        + "Content-Length: " + BODY.length + "\r\n"
                        + (close ? "Connection: close\r\n" : "")
                        + "\r\n";
                writer.write(response.getBytes(StandardCharsets.US_ASCII));
                if (!text.startsWith("HEAD ")) {
                    writer.write(BODY);
                }
                writer.drain();
                if (close) {
                    return;
                }
            }
        } finally {
            writer.close();
        }
    }

    /** Serves on {@code args[0]} (default 8080) until interrupted. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Aio.run(() -> {
            Server server = start("127.0.0.1", port);
            System.out.println("Serving on http://127.0.0.1:"
                    + ((InetSocketAddress) server.sockets().get(0)).getPort() + "/ (Ctrl-C to stop)");
            server.serveForever();
            return null;
        });
    }
}
