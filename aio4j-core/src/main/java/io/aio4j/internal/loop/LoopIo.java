package io.aio4j.internal.loop;

import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.internal.net.Connect;
import io.aio4j.internal.net.DatagramSocketTransport;
import io.aio4j.internal.net.Listen;
import io.aio4j.internal.net.Readiness;
import io.aio4j.internal.net.Resolver;
import io.aio4j.internal.net.SockOps;
import io.aio4j.internal.process.Pipes;
import io.aio4j.internal.process.RealSubprocessTransport;
import io.aio4j.internal.process.SignalHandlers;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.DatagramEndpoint;
import io.aio4j.net.DatagramProtocol;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.Transport;
import io.aio4j.process.ProcessOptions;
import io.aio4j.process.SubprocessProtocol;
import io.aio4j.process.SubprocessTransport;
import io.aio4j.tls.TlsContext;
import io.aio4j.tls.TlsOptions;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A loop's I/O half, behind the networking, subprocess and signal methods of
 * {@link EventLoop} (whose default methods call it): asyncio's {@code BaseSelectorEventLoop} and
 * {@code unix_events} methods, each a call into {@code io.aio4j.internal.net} or
 * {@code io.aio4j.internal.process}, where the machinery lives. It holds the loop's signal handlers.
 *
 * <p>Sockets and signals need aio4j's own loop ({@code selectorLoop}); pipes and subprocesses
 * only need the {@link EventLoop} interface, so they also work on a loop implemented elsewhere.
 */
public final class LoopIo {
    private final SelectorEventLoop selectorLoop;
    private final EventLoop loop;
    private SignalHandlers signalHandlers;

    /** The I/O of {@code loop} (the loop users hold), on {@code selectorLoop} (null for a loop implemented elsewhere). */
    LoopIo(SelectorEventLoop selectorLoop, EventLoop loop) {
        this.selectorLoop = selectorLoop;
        this.loop = loop;
    }

    private SelectorEventLoop selectorLoop() {
        if (selectorLoop == null) {
            throw ForeignLoop.notOurs(loop);
        }
        return selectorLoop;
    }

    // ------------------------------------------------------------------ readiness and sock* (asyncio's add_reader, sock_recv…)

    /** {@code EventLoop.addReader}. */
    public void addReader(SelectableChannel channel, Runnable callback) {
        Readiness.of(selectorLoop(), channel).setReader(Objects.requireNonNull(callback, "callback"));
    }

    /** {@code EventLoop.removeReader}. */
    public boolean removeReader(SelectableChannel channel) {
        return Readiness.of(selectorLoop(), channel).removeReader();
    }

    /** {@code EventLoop.addWriter}. */
    public void addWriter(SelectableChannel channel, Runnable callback) {
        Readiness.of(selectorLoop(), channel).setWriter(Objects.requireNonNull(callback, "callback"));
    }

    /** {@code EventLoop.removeWriter}. */
    public boolean removeWriter(SelectableChannel channel) {
        return Readiness.of(selectorLoop(), channel).removeWriter();
    }

    /** {@code EventLoop.sockRecv}. */
    public Future<byte[]> sockRecv(SocketChannel channel, int n) {
        return SockOps.recv(selectorLoop(), channel, n);
    }

    /** {@code EventLoop.sockRecvInto}. */
    public Future<Integer> sockRecvInto(SocketChannel channel, ByteBuffer buffer) {
        return SockOps.recvInto(selectorLoop(), channel, buffer);
    }

    /** {@code EventLoop.sockSendall}. */
    public Future<Void> sockSendall(SocketChannel channel, ByteBuffer data) {
        return SockOps.sendall(selectorLoop(), channel, data);
    }

    /** {@code EventLoop.sockConnect}. */
    public Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        return SockOps.connect(selectorLoop(), channel, address);
    }

    /** {@code EventLoop.sockAccept}. */
    public Future<SocketChannel> sockAccept(ServerSocketChannel channel) {
        return SockOps.accept(selectorLoop(), channel);
    }

    /** {@code EventLoop.getaddrinfo}. */
    public Future<List<InetSocketAddress>> getaddrinfo(String host, int port) {
        return Resolver.getaddrinfo(selectorLoop(), host, port);
    }

    // ------------------------------------------------------------------ transports and servers

    /** {@code EventLoop.createConnection}. */
    public <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> factory, String host, int port,
            ConnectOptions options) {
        return Connect.createConnection(selectorLoop(), factory, host, port, options);
    }

    /** {@code EventLoop.createServer}. */
    public Future<Server> createServer(Supplier<? extends Protocol> factory, String host, int port, ServerOptions options) {
        return Listen.createServer(selectorLoop(), factory, host, port, options);
    }

    /** {@code EventLoop.createUnixConnection}. */
    public <P extends Protocol> Future<Connection<P>> createUnixConnection(Supplier<P> factory, Path path,
            ConnectOptions options) {
        return Connect.createUnixConnection(selectorLoop(), factory, path, options);
    }

    /** {@code EventLoop.createUnixServer}. */
    public Future<Server> createUnixServer(Supplier<? extends Protocol> factory, Path path, ServerOptions options) {
        return Listen.createUnixServer(selectorLoop(), factory, path, options);
    }

    /** {@code EventLoop.connectAcceptedSocket}. */
    public <P extends Protocol> Future<Connection<P>> connectAcceptedSocket(Supplier<P> factory, SocketChannel channel,
            TlsContext tls) {
        return Connect.connectAcceptedSocket(selectorLoop(), factory, channel, tls);
    }

    /** {@code EventLoop.createDatagramEndpoint}. */
    public <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(Supplier<P> factory,
            InetSocketAddress local, InetSocketAddress remote) {
        return DatagramSocketTransport.create(selectorLoop(), factory, local, remote);
    }

    /** {@code EventLoop.startTls}. */
    public Future<Transport> startTls(Transport transport, Protocol protocol, TlsOptions options) {
        return Connect.startTls(selectorLoop(), transport, protocol, options);
    }

    // ------------------------------------------------------------------ subprocesses, pipes, signals

    /** {@code EventLoop.subprocessExec}. */
    public Future<SubprocessTransport> subprocessExec(Supplier<? extends SubprocessProtocol> factory,
            ProcessOptions options, String... argv) {
        if (argv.length == 0) {
            throw new IllegalArgumentException("program arguments must be a non-empty sequence");
        }
        String program = argv[0];
        return RealSubprocessTransport.start(loop, factory, options, List.of(argv), "execute program '" + program + "'",
                program);
    }

    /** {@code EventLoop.subprocessShell}. */
    public Future<SubprocessTransport> subprocessShell(Supplier<? extends SubprocessProtocol> factory,
            ProcessOptions options, String command) {
        return RealSubprocessTransport.start(loop, factory, options, List.of("/bin/sh", "-c", command),
                "run shell command '" + command + "'", command);
    }

    /** {@code EventLoop.connectReadPipe}. */
    public <P extends Protocol> Future<Connection<P>> connectReadPipe(Supplier<P> factory, ReadableByteChannel pipe) {
        return Pipes.connectRead(loop, factory, pipe);
    }

    /** {@code EventLoop.connectWritePipe}. */
    public <P extends Protocol> Future<Connection<P>> connectWritePipe(Supplier<P> factory, WritableByteChannel pipe) {
        return Pipes.connectWrite(loop, factory, pipe);
    }

    /** {@code EventLoop.addSignalHandler}. */
    public void addSignalHandler(int signal, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        selectorLoop().checkNotClosed();
        if (signalHandlers == null) {
            signalHandlers = new SignalHandlers(loop);
        }
        signalHandlers.add(signal, callback);
    }

    /** {@code EventLoop.removeSignalHandler}. */
    public boolean removeSignalHandler(int signal) {
        selectorLoop();
        return signalHandlers != null ? signalHandlers.remove(signal) : SignalHandlers.checkOnly(signal);
    }

    /** The loop is closing: its signal handlers are removed. */
    void close() {
        if (signalHandlers != null) {
            signalHandlers.removeAll();
        }
    }
}
