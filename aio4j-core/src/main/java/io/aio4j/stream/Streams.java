package io.aio4j.stream;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.LoopGroup;
import io.aio4j.net.Balancing;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.nio.file.Path;
import java.util.Objects;

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

    /**
     * Serves {@code host:port} on every loop of {@code group} (see {@link LoopGroup#createServer}): each
     * connection's {@code handler} task runs on the loop that accepted it. From a task this suspends
     * it; from a plain thread it blocks until every loop listens. The server is thread-safe.
     */
    public static Server startServer(LoopGroup group, StreamHandler handler, String host, int port) {
        return startServer(group, handler, host, port, ServerOptions.defaults(), Balancing.AUTO);
    }

    /** {@link #startServer(LoopGroup, StreamHandler, String, int)} with options and a choice of balancing. */
    public static Server startServer(LoopGroup group, StreamHandler handler, String host, int port, ServerOptions options,
            Balancing balancing) {
        return startServer(group, handler, host, port, options, balancing, StreamReader.DEFAULT_LIMIT);
    }

    /** {@link #startServer(LoopGroup, StreamHandler, String, int)} with options, balancing and a reader limit. */
    public static Server startServer(LoopGroup group, StreamHandler handler, String host, int port, ServerOptions options,
            Balancing balancing, int limit) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(handler, "handler");
        return group.createServer(() -> new StreamReaderProtocol(new StreamReader(limit), handler, Aio.getRunningLoop()),
                host, port, options, balancing);
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
