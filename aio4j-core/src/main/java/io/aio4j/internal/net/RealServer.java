package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * asyncio's {@code Server}: listening channels that accept connections into transports made by
 * a protocol factory (with TLS when the options say so), and the set of those connections.
 */
public final class RealServer implements Server {
    private static final System.Logger LOG = AioLogger.LOG;

    private final SelectorEventLoop loop;
    private final List<ServerSocketChannel> channels;
    private final Supplier<? extends Protocol> factory;
    private final ServerOptions options;
    private final Path unixPath;
    private final Object unixInode;
    private final List<SocketAddress> addresses = new ArrayList<>();
    private final Set<SocketTransport> clients = new LinkedHashSet<>();
    private final List<Future<Void>> waiters = new ArrayList<>();
    private boolean serving;
    private boolean closed;
    private Future<Void> servingForever;
    /** A group's acceptor: the servers of every loop, in round-robin order (this one included); null otherwise. */
    private List<RealServer> handOutTo;
    private int handOutNext;

    RealServer(SelectorEventLoop loop, List<ServerSocketChannel> channels, Supplier<? extends Protocol> factory,
            ServerOptions options, Path unixPath) {
        this.loop = loop;
        this.channels = List.copyOf(channels);
        this.factory = factory;
        this.options = options;
        this.unixPath = unixPath;
        this.unixInode = unixPath == null ? null : Listen.inode(unixPath);
        for (ServerSocketChannel ch : channels) {
            try {
                addresses.add(ch.getLocalAddress());
            } catch (IOException e) {
                throw IoErrors.map(e);
            }
        }
    }

    @Override
    public List<SocketAddress> sockets() {
        return closed ? List.of() : List.copyOf(addresses);
    }

    @Override
    public void startServing() {
        if (serving || closed) {
            return;
        }
        serving = true;
        for (ServerSocketChannel ch : channels) {
            Readiness.of(loop, ch).setReader(() -> acceptReady(ch));
        }
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.INFO, this + " is serving");
        }
    }

    @Override
    public boolean isServing() {
        return serving && !closed;
    }

    private void acceptReady(ServerSocketChannel listener) {
        for (int i = 0; i < Math.max(1, options.backlog()); i++) {
            SocketChannel conn;
            try {
                conn = listener.accept();
                if (conn == null) {
                    return;
                }
                conn.configureBlocking(false);
                if (unixPath == null) {
                    conn.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
            } catch (IOException e) {
                loop.callExceptionHandler(ExceptionContext.of("socket.accept() failed on " + this, IoErrors.map(e)));
                return;
            }
            if (loop.isDebug()) {
                LOG.log(System.Logger.Level.DEBUG, this + " got a new connection from "
                        + address(conn) + ": " + conn);
            }
            if (handOutTo == null) {
                accept(conn);
            } else {
                handOut(conn);
            }
        }
    }

    /** Makes this server a group's acceptor, handing accepted connections to {@code servers} in turn. On the loop. */
    void handOutTo(List<RealServer> servers) {
        handOutTo = List.copyOf(servers);
    }

    private void handOut(SocketChannel conn) {
        RealServer target = handOutTo.get(handOutNext);
        handOutNext = (handOutNext + 1) % handOutTo.size();
        if (target == this) {
            accept(conn);
        } else if (!target.loop.handOff(() -> target.adopt(conn))) {
            Connect.closeQuietly(conn);
        }
    }

    /** A connection accepted by the group's acceptor, on this server's loop; refused once this server is closed. */
    private void adopt(SocketChannel conn) {
        if (closed) {
            Connect.closeQuietly(conn);
            return;
        }
        accept(conn);
    }

    /** How many accepted connections are open. On the loop. */
    int clientCount() {
        return clients.size();
    }

    /** The loop this server accepts on. Any thread. */
    SelectorEventLoop loop() {
        return loop;
    }

    private void accept(SocketChannel conn) {
        try {
            Protocol protocol = factory.get();
            if (options.tls() != null) {
                TlsProtocol tls = new TlsProtocol(loop, options.tls().newEngine(true, null, -1), options.tls(),
                        protocol, null, options.handshakeTimeout(), options.shutdownTimeout(), true);
                new SocketTransport(loop, conn, tls, null, this);
            } else {
                new SocketTransport(loop, conn, protocol, null, this);
            }
        } catch (RuntimeException e) {
            Connect.closeQuietly(conn);
            loop.callExceptionHandler(ExceptionContext.of("Error on transport creation for incoming connection", e));
        }
    }

    private static SocketAddress address(SocketChannel ch) {
        try {
            return ch.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    void attach(SocketTransport t) {
        clients.add(t);
    }

    void detach(SocketTransport t) {
        clients.remove(t);
        if (closed && clients.isEmpty()) {
            wakeup();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serving = false;
        channels.forEach(Connect::closeQuietly);
        if (unixPath != null && unixInode != null && unixInode.equals(Listen.inode(unixPath))) {
            try {
                Files.deleteIfExists(unixPath);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot remove the socket file " + unixPath, e);
            }
        }
        if (servingForever != null && !servingForever.isDone()) {
            servingForever.cancel();
            servingForever = null;
        }
        if (clients.isEmpty()) {
            wakeup();
        }
    }

    private void wakeup() {
        for (Future<Void> w : waiters) {
            w.trySetResult(null);
        }
        waiters.clear();
    }

    @Override
    public void waitClosed() {
        if (closed && clients.isEmpty()) {
            return;
        }
        Future<Void> w = loop.createFuture();
        waiters.add(w);
        Aio.await(w);
    }

    @Override
    public void serveForever() {
        if (servingForever != null) {
            throw new IllegalStateException("server " + this + " is already being awaited on serveForever()");
        }
        if (closed) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        startServing();
        servingForever = loop.createFuture();
        try {
            Aio.await(servingForever);
        } catch (CancelledException e) {
            try {
                close();
                waitClosed();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            servingForever = null;
        }
    }

    @Override
    public void closeClients() {
        for (Transport t : List.copyOf(clients)) {
            t.close();
        }
    }

    @Override
    public void abortClients() {
        for (Transport t : List.copyOf(clients)) {
            t.abort();
        }
    }

    @Override
    public String toString() {
        return "<Server sockets=" + (closed ? "()" : addresses.toString()) + ">";
    }

}
