package io.aio4j.net;

import io.aio4j.stream.Streams;
import java.net.SocketAddress;
import java.util.List;

/**
 * asyncio's {@code Server}: the listening sockets made by {@code createServer} or
 * {@link Streams#startServer}. Call it from the loop's thread; {@link #waitClosed} and
 * {@link #serveForever} suspend the calling task.
 */
public interface Server extends AutoCloseable {
    /** The addresses listened on ({@link java.net.InetSocketAddress} or {@link java.net.UnixDomainSocketAddress}). */
    List<SocketAddress> sockets();

    /** Stops listening and closes the listening sockets; connections already accepted stay open. */
    @Override
    void close();

    /** Suspends the calling task until the server is closed and all its connections are gone. */
    void waitClosed();

    /**
     * Suspends the calling task, accepting connections, until the task is cancelled; then
     * closes the server and waits for it.
     *
     * @throws IllegalStateException when the server is closed or another task already serves forever
     */
    void serveForever();

    /** Starts accepting, when the server was made with {@code startServing(false)}. */
    void startServing();

    /** Whether the server accepts connections. */
    boolean isServing();

    /** Closes every connection accepted by this server (after flushing). */
    void closeClients();

    /** Aborts every connection accepted by this server. */
    void abortClients();
}
