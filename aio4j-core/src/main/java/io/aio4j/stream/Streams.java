package io.aio4j.stream;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.nio.file.Path;

/**
 * asyncio's stream functions: {@code open_connection} and {@code start_server} (and their Unix
 * variants) on the running loop. Call them from a task; they suspend it until the connection or
 * the server is ready.
 */
public final class Streams {
    private Streams() {
    }

    /** Connects to {@code host:port}. */
    public static StreamPair openConnection(String host, int port) {
        return openConnection(host, port, ConnectOptions.defaults(), StreamReader.DEFAULT_LIMIT);
    }

    /** Connects to {@code host:port} with options (TLS…). */
    public static StreamPair openConnection(String host, int port, ConnectOptions options) {
        return openConnection(host, port, options, StreamReader.DEFAULT_LIMIT);
    }

    /** Connects to {@code host:port} with options and a reader limit. */
    public static StreamPair openConnection(String host, int port, ConnectOptions options, int limit) {
        EventLoop loop = Aio.getRunningLoop();
        StreamReader reader = new StreamReader(limit);
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, null, loop);
        Connection<StreamReaderProtocol> c = Aio.await(loop.createConnection(() -> protocol, host, port, options));
        return new StreamPair(reader, new StreamWriter(c.transport(), protocol, reader, loop));
    }

    /** Connects to the Unix domain socket {@code path}. */
    public static StreamPair openUnixConnection(Path path) {
        return openUnixConnection(path, ConnectOptions.defaults(), StreamReader.DEFAULT_LIMIT);
    }

    /** Connects to the Unix domain socket {@code path} with options and a reader limit. */
    public static StreamPair openUnixConnection(Path path, ConnectOptions options, int limit) {
        EventLoop loop = Aio.getRunningLoop();
        StreamReader reader = new StreamReader(limit);
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, null, loop);
        Connection<StreamReaderProtocol> c = Aio.await(loop.createUnixConnection(() -> protocol, path, options));
        return new StreamPair(reader, new StreamWriter(c.transport(), protocol, reader, loop));
    }

    /** Serves {@code host:port} (port 0: any free port), running {@code handler} in a new task per connection. */
    public static Server startServer(StreamHandler handler, String host, int port) {
        return startServer(handler, host, port, ServerOptions.defaults(), StreamReader.DEFAULT_LIMIT);
    }

    /** Serves {@code host:port} with options (TLS, backlog…). */
    public static Server startServer(StreamHandler handler, String host, int port, ServerOptions options) {
        return startServer(handler, host, port, options, StreamReader.DEFAULT_LIMIT);
    }

    /** Serves {@code host:port} with options and a reader limit. */
    public static Server startServer(StreamHandler handler, String host, int port, ServerOptions options, int limit) {
        EventLoop loop = Aio.getRunningLoop();
        return Aio.await(loop.createServer(() -> new StreamReaderProtocol(new StreamReader(limit), handler, loop),
                host, port, options));
    }

    /** Serves the Unix domain socket {@code path}. */
    public static Server startUnixServer(StreamHandler handler, Path path) {
        return startUnixServer(handler, path, ServerOptions.defaults(), StreamReader.DEFAULT_LIMIT);
    }

    /** Serves the Unix domain socket {@code path} with options and a reader limit. */
    public static Server startUnixServer(StreamHandler handler, Path path, ServerOptions options, int limit) {
        EventLoop loop = Aio.getRunningLoop();
        return Aio.await(loop.createUnixServer(() -> new StreamReaderProtocol(new StreamReader(limit), handler, loop),
                path, options));
    }
}
