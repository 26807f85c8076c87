package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.Future;
import io.aio4j.internal.loop.FutureAccess;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/** asyncio's {@code create_server} and {@code create_unix_server}: bind, listen, and make the {@link RealServer}. */
public final class Listen {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private Listen() {
    }

    /** Listens on every address {@code host} resolves to (null or "": all interfaces). */
    public static Future<Server> createServer(SelectorEventLoop loop, Supplier<? extends Protocol> factory, String host,
            int port, ServerOptions options) {
        return FutureAccess.deliverOrRelease(loop.createTask(() -> {
            List<InetSocketAddress> resolved = Aio.await(Resolver.ensureResolved(loop, host, port));
            List<ServerSocketChannel> channels = new ArrayList<>();
            try {
                for (InetSocketAddress addr : new LinkedHashSet<>(resolved)) {
                    channels.add(bind(addr, options));
                }
            } catch (RuntimeException e) {
                closeAll(channels);
                throw e;
            }
            return start(loop, new RealServer(loop, channels, factory, options, null), options);
        }, "createServer"), Server::close);
    }

    /**
     * Listens on exactly {@code addresses} (already resolved, ports included): another loop's socket
     * on the same addresses, for a group's {@code SO_REUSEPORT} server.
     */
    static Future<Server> createServer(SelectorEventLoop loop, Supplier<? extends Protocol> factory,
            List<InetSocketAddress> addresses, ServerOptions options) {
        Future<Server> f = loop.createFuture();
        List<ServerSocketChannel> channels = new ArrayList<>();
        try {
            for (InetSocketAddress addr : addresses) {
                channels.add(bind(addr, options));
            }
            f.setResult(start(loop, new RealServer(loop, channels, factory, options, null), options));
        } catch (RuntimeException e) {
            closeAll(channels);
            f.setException(e);
        }
        return f;
    }

    /** Listens on the Unix domain socket {@code path}, replacing a stale socket file there. */
    public static Future<Server> createUnixServer(SelectorEventLoop loop, Supplier<? extends Protocol> factory,
            Path path, ServerOptions options) {
        Future<Server> f = FutureAccess.deliverOrRelease(loop.createFuture(), Server::close);
        try {
            if (isSocket(path)) {
                Files.deleteIfExists(path);
            }
            ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.configureBlocking(false);
                ch.bind(UnixDomainSocketAddress.of(path), options.backlog());
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            f.setResult(start(loop, new RealServer(loop, List.of(ch), factory, options, path), options));
        } catch (IOException e) {
            f.setException(IoErrors.map(e, "error while attempting to bind on address " + path));
        }
        return f;
    }

    private static Server start(SelectorEventLoop loop, RealServer server, ServerOptions options) {
        if (options.startServing()) {
            server.startServing();
        }
        return server;
    }

    private static ServerSocketChannel bind(InetSocketAddress addr, ServerOptions options) {
        ServerSocketChannel ch = null;
        try {
            ch = ServerSocketChannel.open(Resolver.familyOf(addr));
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (options.reusePort()) {
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            ch.bind(addr, options.backlog());
            return ch;
        } catch (IOException e) {
            if (ch != null) {
                Connect.closeQuietly(ch);
            }
            throw IoErrors.map(e, "error while attempting to bind on address " + addr);
        }
    }

    private static void closeAll(List<ServerSocketChannel> channels) {
        channels.forEach(Connect::closeQuietly);
    }

    private static boolean isSocket(Path path) {
        try {
            return Files.exists(path) && (((Integer) Files.getAttribute(path, "unix:mode")) & S_IFMT) == S_IFSOCK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The inode of {@code path}, so that closing a server removes only its own socket file. */
    static Object inode(Path path) {
        try {
            return Files.getAttribute(path, "unix:ino");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }
}
