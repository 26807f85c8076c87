package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.Future;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.FutureAccess;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.net.AioIOException;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import io.aio4j.tls.TlsContext;
import io.aio4j.tls.TlsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** asyncio's client side: {@code create_connection}, {@code create_unix_connection}, {@code connect_accepted_socket}, {@code start_tls}. */
public final class Connect {
    private static final System.Logger LOG = AioLogger.LOG;

    private Connect() {
    }

    /**
     * Resolves {@code host}, tries its addresses in order, and wraps the first connected socket;
     * when all fail, the error says so for each (one error: that error; the same text for all:
     * the first; else {@code "Multiple exceptions: …"} with the others suppressed in it).
     */
    public static <P extends Protocol> Future<Connection<P>> createConnection(SelectorEventLoop loop,
            Supplier<P> factory, String host, int port, ConnectOptions options) {
        if (host == null) {
            throw new IllegalArgumentException("host and port must be specified");
        }
        return FutureAccess.deliverOrRelease(loop.createTask(() -> {
            List<InetSocketAddress> addrs = Aio.await(Resolver.ensureResolved(loop, host, port));
            if (addrs.isEmpty()) {
                throw new AioIOException("getaddrinfo() returned empty list");
            }
            List<RuntimeException> errors = new ArrayList<>();
            for (InetSocketAddress addr : addrs) {
                SocketChannel ch = openChannel(addr);
                try {
                    Aio.await(SockOps.connect(loop, ch, addr));
                } catch (CancelledException e) {
                    closeQuietly(ch);
                    throw e;
                } catch (RuntimeException e) {
                    closeQuietly(ch);
                    errors.add(e);
                    continue;
                }
                return wrap(loop, ch, factory, options, host + ":" + port, host);
            }
            throw allFailed(errors);
        }, "createConnection"), Connect::abort);
    }

    /** Connects to the Unix domain socket {@code path}. */
    public static <P extends Protocol> Future<Connection<P>> createUnixConnection(SelectorEventLoop loop,
            Supplier<P> factory, Path path, ConnectOptions options) {
        if (options.tls() != null && options.serverHostname() == null) {
            throw new IllegalArgumentException("you have to pass serverHostname when using TLS over a Unix socket");
        }
        return FutureAccess.deliverOrRelease(loop.createTask(() -> {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.configureBlocking(false);
            try {
                Aio.await(SockOps.connect(loop, ch, UnixDomainSocketAddress.of(path)));
            } catch (RuntimeException e) {
                closeQuietly(ch);
                throw e;
            }
            return wrap(loop, ch, factory, options, path.toString(), null);
        }, "createUnixConnection"), Connect::abort);
    }

    /** Wraps an already connected channel (asyncio's {@code connect_accepted_socket}); TLS server side when options have TLS. */
    public static <P extends Protocol> Future<Connection<P>> connectAcceptedSocket(SelectorEventLoop loop,
            Supplier<P> factory, SocketChannel channel, TlsContext tls) {
        Readiness.of(loop, channel);
        return FutureAccess.deliverOrRelease(loop.createTask(() -> {
            P protocol = factory.get();
            Future<Void> waiter = loop.createFuture();
            Transport t = tls == null ? new SocketTransport(loop, channel, protocol, waiter, null)
                    : tlsTransport(loop, channel, protocol, waiter, tls.newEngine(true, null, -1), tls,
                            ConnectOptions.defaults());
            awaitOrClose(waiter, t);
            return new Connection<>(t, protocol);
        }, "connectAcceptedSocket"), Connect::abort);
    }

    private static <P extends Protocol> Connection<P> wrap(SelectorEventLoop loop, SocketChannel ch, Supplier<P> factory,
            ConnectOptions options, String where, String host) {
        P protocol;
        try {
            protocol = factory.get();
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
        Future<Void> waiter = loop.createFuture();
        Transport t;
        TlsContext tls = options.tls();
        if (tls == null) {
            t = new SocketTransport(loop, ch, protocol, waiter, null);
        } else {
            String name = options.serverHostname() != null ? options.serverHostname() : host;
            int port = portOf(ch);
            t = tlsTransport(loop, ch, protocol, waiter, tls.newEngine(false, name, port), tls, options);
        }
        awaitOrClose(waiter, t);
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, ch + " connected to " + where + ": (" + t + ", " + protocol + ")");
        }
        return new Connection<>(t, protocol);
    }

    private static Transport tlsTransport(SelectorEventLoop loop, SocketChannel ch, Protocol protocol,
            Future<Void> waiter, javax.net.ssl.SSLEngine engine, TlsContext tls, ConnectOptions options) {
        TlsProtocol layer = new TlsProtocol(loop, engine, tls, protocol, waiter, options.handshakeTimeout(),
                options.shutdownTimeout(), true);
        new SocketTransport(loop, ch, layer, null, null);
        return layer.appTransport();
    }

    private static void awaitOrClose(Future<Void> waiter, Transport t) {
        try {
            Aio.await(waiter);
        } catch (RuntimeException e) {
            t.abort();
            throw e;
        }
    }

    /**
     * Upgrades a live connection to TLS (asyncio's {@code start_tls}): the socket transport's
     * protocol becomes a TLS layer for {@code protocol}, which receives no second
     * {@code connectionMade}; the future gives the new transport once the handshake is done.
     */
    public static Future<Transport> startTls(SelectorEventLoop loop, Transport transport, Protocol protocol,
            TlsOptions options) {
        if (!(transport instanceof SocketTransport st)) {
            throw new IllegalArgumentException("transport " + transport + " is not supported by startTls()");
        }
        String host = options.serverHostname();
        javax.net.ssl.SSLEngine engine = options.context().newEngine(options.serverSide(), host, -1);
        Future<Void> waiter = loop.createFuture();
        TlsProtocol layer = new TlsProtocol(loop, engine, options.context(), protocol, waiter,
                options.handshakeTimeout(), options.shutdownTimeout(), false);
        st.pauseReading();
        st.setProtocol(layer);
        loop.callSoon(() -> layer.connectionMade(st));
        loop.callSoon(st::resumeReading);
        // Cancelled, or not taken by a task cancelled after the handshake: the connection is
        // closed (asyncio's start_tls closes the transport when its wait is interrupted).
        Future<Transport> result = FutureAccess.deliverOrRelease(loop.createFuture(), Transport::abort);
        waiter.addDoneCallback(w -> {
            if (result.isDone()) {
                // Cancelled while the handshake went on: whatever the handshake came to, close.
                st.close();
                return;
            }
            if (w.isCancelled()) {
                st.close();
                result.cancel();
            } else if (w.exception() != null) {
                st.close();
                result.setException(w.exception());
            } else {
                result.setResult(layer.appTransport());
            }
        });
        result.addDoneCallback(r -> {
            if (r.isCancelled() && !waiter.isDone()) {
                waiter.cancel();
            }
        });
        return result;
    }

    /** Closes a connection made for a task cancelled before it could take it. */
    private static void abort(Connection<?> connection) {
        connection.transport().abort();
    }

    private static SocketChannel openChannel(InetSocketAddress addr) throws IOException {
        SocketChannel ch = SocketChannel.open(Resolver.familyOf(addr));
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return ch;
    }

    private static int portOf(SocketChannel ch) {
        try {
            SocketAddress remote = ch.getRemoteAddress();
            return remote instanceof InetSocketAddress inet ? inet.getPort() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    static RuntimeException allFailed(List<RuntimeException> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        String first = String.valueOf(errors.get(0).getMessage());
        if (errors.stream().allMatch(e -> first.equals(String.valueOf(e.getMessage())))) {
            return errors.get(0);
        }
        StringBuilder msg = new StringBuilder("Multiple exceptions: ");
        for (int i = 0; i < errors.size(); i++) {
            msg.append(i == 0 ? "" : ", ").append(errors.get(i).getMessage());
        }
        AioIOException all = new AioIOException(msg.toString());
        errors.forEach(all::addSuppressed);
        return all;
    }

    static void closeQuietly(java.nio.channels.Channel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // Closing after a failure: the failure is what the caller hears about.
        }
    }
}
