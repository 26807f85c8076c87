package io.aio4j;

import io.aio4j.internal.loop.LoopCore;
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
import java.nio.channels.SelectableChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * asyncio's event loop: one thread that runs callbacks, timers, I/O events and task steps, one
 * at a time, in a deterministic order. Make one with {@link Aio#newEventLoop()}, or let
 * {@link Aio#run} make, run and close one for you.
 *
 * <h2>Threads</h2>
 * A loop belongs to the thread that runs it. Every method except {@link #callSoonThreadsafe},
 * {@link #time()}, {@link #isRunning()}, {@link #isClosed()} and {@link #isDebug()} must be
 * called from that thread (or, before the loop runs, from the one thread that sets it up).
 * In debug mode a call from another thread throws; otherwise it is handed to the loop safely.
 *
 * <h2>Order</h2>
 * One iteration runs exactly the callbacks that were ready when it started, in FIFO order;
 * callbacks they schedule run in the next iteration. Timers become ready in (deadline,
 * scheduling order), after the callbacks already queued: {@code callLater(0, cb)} runs after
 * earlier {@code callSoon}s.
 */
public interface EventLoop extends AutoCloseable {

    /** The loop's monotonic clock, in seconds. Timers are expressed in it. */
    double time();

    /** Schedules {@code callback} to run on the next iteration of the loop, after those already scheduled. */
    Handle callSoon(Runnable callback);

    /**
     * Like {@link #callSoon}, but callable from any thread, waking the loop if it is blocked
     * waiting for I/O. This is the way other threads talk to a loop.
     */
    Handle callSoonThreadsafe(Runnable callback);

    /** Schedules {@code callback} to run after {@code delaySeconds} of loop time (0 or less: as soon as possible, after queued callbacks). */
    TimerHandle callLater(double delaySeconds, Runnable callback);

    /** Schedules {@code callback} to run after {@code delay}. */
    default TimerHandle callLater(Duration delay, Runnable callback) {
        return callLater(delay.toNanos() / 1e9, callback);
    }

    /** Schedules {@code callback} to run at loop time {@code when} (see {@link #time()}). */
    TimerHandle callAt(double when, Runnable callback);

    /** A new pending future attached to this loop. */
    default <T> Future<T> createFuture() {
        return new Future<>(this);
    }

    /** Wraps {@code body} in a task scheduled to start on this loop's next iteration. Its name is {@code Task-N}. */
    default <T> Task<T> createTask(AsyncCallable<T> body) {
        return createTask(body, null);
    }

    /** Like {@link #createTask(AsyncCallable)}, with a name ({@code null}: {@code Task-N}). */
    default <T> Task<T> createTask(AsyncCallable<T> body, String name) {
        return new Task<>(this, body, name);
    }

    /** Wraps {@code coroutine} in a task, consuming it (it cannot be awaited afterwards). */
    default <T> Task<T> createTask(Coroutine<T> coroutine) {
        return new Task<>(this, coroutine.take(), null);
    }

    /**
     * Runs the loop until {@link #stop()} is called. A {@code stop()} made before this call makes
     * the loop run one iteration and return.
     *
     * @throws IllegalStateException if the loop is closed or already running, or another loop runs on this thread
     */
    void runForever();

    /**
     * Runs the loop until {@code awaitable} is done and returns its result, or rethrows its
     * exception as the same instance (checked exceptions included). A coroutine is wrapped in a task.
     *
     * @throws IllegalStateException {@code "Event loop stopped before Future completed."} if the loop was stopped first
     */
    <T> T runUntilComplete(Awaitable<T> awaitable);

    /** Stops the loop after the iteration in progress (or after the next one, if it is not running). */
    void stop();

    /** Whether the loop is running (between the start and the end of {@link #runForever}). */
    boolean isRunning();

    /** Whether {@link #close()} was called. */
    boolean isClosed();

    /**
     * Closes the loop: drops pending callbacks, shuts the default executor down without waiting,
     * and releases the selector. Closing twice does nothing.
     *
     * @throws IllegalStateException {@code "Cannot close a running event loop"}
     */
    @Override
    void close();

    /**
     * Runs {@code fn} in {@code executor} ({@code null}: the loop's default executor, a pool of
     * platform threads named {@code aio4j-executor-N}) and returns a future of this loop for its
     * result. Cancelling the future cancels {@code fn} if it has not started.
     */
    <T> Future<T> runInExecutor(Executor executor, Callable<T> fn);

    /** Replaces the default executor used by {@link #runInExecutor} with {@code null}. */
    void setDefaultExecutor(ExecutorService executor);

    /**
     * Shuts the default executor down and returns a future that completes when its threads have
     * finished, or after {@code timeoutSeconds} with a warning. {@link Aio#run} awaits it with 300 s.
     */
    Future<Void> shutdownDefaultExecutor(double timeoutSeconds);

    /** Installs the handler of errors that have no caller ({@code null}: the default, which logs). */
    void setExceptionHandler(ExceptionHandler handler);

    /** The installed exception handler, or {@code null} for the default one. */
    ExceptionHandler exceptionHandler();

    /** Reports {@code context} to the installed handler, or to {@link #defaultExceptionHandler}. */
    void callExceptionHandler(ExceptionContext context);

    /**
     * The default handling of an error report: an ERROR record on the {@code System.Logger}
     * named {@code aio4j} with the message, each non-null part of the context, and the exception.
     */
    void defaultExceptionHandler(ExceptionContext context);

    /** Whether debug mode is on (see the README: slow callbacks, wrong-thread calls, creation sites…). */
    boolean isDebug();

    /** Turns debug mode on or off for this loop. */
    void setDebug(boolean enabled);

    /** The duration, in seconds, from which debug mode reports a callback or task step as slow (default 0.1). */
    double slowCallbackDuration();

    /** Sets {@link #slowCallbackDuration()}. */
    void setSlowCallbackDuration(double seconds);

    // ------------------------------------------------------------------ networking (io.aio4j.net)
    // Default methods: aio4j's loops answer them (their LoopIo); a loop implemented elsewhere
    // overrides the socket and signal ones, which otherwise throw IllegalArgumentException.

    /**
     * Calls {@code callback} on the loop thread whenever {@code channel} is readable (or, for a
     * server channel, acceptable), until {@link #removeReader}; replaces a previous reader.
     *
     * @throws IllegalArgumentException {@code "the socket must be non-blocking"}
     */
    default void addReader(SelectableChannel channel, Runnable callback) {
        LoopCore.require(this).io().addReader(channel, callback);
    }

    /** Stops watching {@code channel} for reading; returns whether it was watched. */
    default boolean removeReader(SelectableChannel channel) {
        return LoopCore.require(this).io().removeReader(channel);
    }

    /** Calls {@code callback} whenever {@code channel} is writable (or, while connecting, connectable). */
    default void addWriter(SelectableChannel channel, Runnable callback) {
        LoopCore.require(this).io().addWriter(channel, callback);
    }

    /** Stops watching {@code channel} for writing; returns whether it was watched. */
    default boolean removeWriter(SelectableChannel channel) {
        return LoopCore.require(this).io().removeWriter(channel);
    }

    /** Receives up to {@code n} bytes from a non-blocking channel (asyncio's {@code sock_recv}); empty at EOF. */
    default Future<byte[]> sockRecv(SocketChannel channel, int n) {
        return LoopCore.require(this).io().sockRecv(channel, n);
    }

    /** Receives into {@code buffer} (asyncio's {@code sock_recv_into}): the count read, -1 at EOF. */
    default Future<Integer> sockRecvInto(SocketChannel channel, ByteBuffer buffer) {
        return LoopCore.require(this).io().sockRecvInto(channel, buffer);
    }

    /** Sends all remaining bytes of {@code data} (asyncio's {@code sock_sendall}). */
    default Future<Void> sockSendall(SocketChannel channel, ByteBuffer data) {
        return LoopCore.require(this).io().sockSendall(channel, data);
    }

    /** Connects a non-blocking channel to a resolved address (asyncio's {@code sock_connect}). */
    default Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        return LoopCore.require(this).io().sockConnect(channel, address);
    }

    /** Accepts a connection, returned non-blocking (asyncio's {@code sock_accept}). */
    default Future<SocketChannel> sockAccept(ServerSocketChannel channel) {
        return LoopCore.require(this).io().sockAccept(channel);
    }

    /** Resolves {@code host} in the default executor (asyncio's {@code getaddrinfo}); logged and timed in debug mode. */
    default Future<List<InetSocketAddress>> getaddrinfo(String host, int port) {
        return LoopCore.require(this).io().getaddrinfo(host, port);
    }

    /**
     * Opens a TCP connection to {@code host:port} (asyncio's {@code create_connection}): the host
     * is resolved and its addresses are tried in order; the protocol made by {@code factory} has
     * had {@code connectionMade} (and, with TLS, the handshake is done) when the future completes.
     */
    default <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> factory, String host, int port,
            ConnectOptions options) {
        return LoopCore.require(this).io().createConnection(factory, host, port, options);
    }

    /** {@link #createConnection(Supplier, String, int, ConnectOptions)} with the defaults (no TLS). */
    default <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> factory, String host, int port) {
        return createConnection(factory, host, port, ConnectOptions.defaults());
    }

    /**
     * Listens on {@code host:port} (asyncio's {@code create_server}; port 0: any free port, host
     * null: all interfaces); each accepted connection gets a protocol from {@code factory}.
     */
    default Future<Server> createServer(Supplier<? extends Protocol> factory, String host, int port, ServerOptions options) {
        return LoopCore.require(this).io().createServer(factory, host, port, options);
    }

    /** {@link #createServer(Supplier, String, int, ServerOptions)} with the defaults (backlog 100, no TLS). */
    default Future<Server> createServer(Supplier<? extends Protocol> factory, String host, int port) {
        return createServer(factory, host, port, ServerOptions.defaults());
    }

    /** Connects to a Unix domain socket (asyncio's {@code create_unix_connection}). */
    default <P extends Protocol> Future<Connection<P>> createUnixConnection(Supplier<P> factory, Path path,
            ConnectOptions options) {
        return LoopCore.require(this).io().createUnixConnection(factory, path, options);
    }

    /** {@link #createUnixConnection(Supplier, Path, ConnectOptions)} with the defaults. */
    default <P extends Protocol> Future<Connection<P>> createUnixConnection(Supplier<P> factory, Path path) {
        return createUnixConnection(factory, path, ConnectOptions.defaults());
    }

    /** Listens on a Unix domain socket; a stale socket file is replaced, and closing the server removes it. */
    default Future<Server> createUnixServer(Supplier<? extends Protocol> factory, Path path, ServerOptions options) {
        return LoopCore.require(this).io().createUnixServer(factory, path, options);
    }

    /** {@link #createUnixServer(Supplier, Path, ServerOptions)} with the defaults. */
    default Future<Server> createUnixServer(Supplier<? extends Protocol> factory, Path path) {
        return createUnixServer(factory, path, ServerOptions.defaults());
    }

    /** Wraps a connected channel in a transport (asyncio's {@code connect_accepted_socket}); TLS server side when {@code tls} is given. */
    default <P extends Protocol> Future<Connection<P>> connectAcceptedSocket(Supplier<P> factory, SocketChannel channel,
            TlsContext tls) {
        return LoopCore.require(this).io().connectAcceptedSocket(factory, channel, tls);
    }

    /** Opens a UDP endpoint bound to {@code local} and/or connected to {@code remote} (asyncio's {@code create_datagram_endpoint}). */
    default <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(Supplier<P> factory,
            InetSocketAddress local, InetSocketAddress remote) {
        return LoopCore.require(this).io().createDatagramEndpoint(factory, local, remote);
    }

    /**
     * Upgrades a live connection to TLS (asyncio's {@code start_tls}): from now on {@code protocol}
     * sees plain data through the returned transport; it gets no second {@code connectionMade}.
     */
    default Future<Transport> startTls(Transport transport, Protocol protocol, TlsOptions options) {
        return LoopCore.require(this).io().startTls(transport, protocol, options);
    }

    // ------------------------------------------------------------------ subprocesses, pipes, signals (io.aio4j.process)

    /**
     * asyncio's {@code subprocess_exec}: starts program {@code argv[0]} with arguments
     * {@code argv[1..]} and connects {@code factory}'s protocol; the future completes once the
     * protocol's {@code connectionMade} has run.
     *
     * @throws IllegalArgumentException when {@code argv} is empty
     */
    default Future<SubprocessTransport> subprocessExec(Supplier<? extends SubprocessProtocol> factory,
            ProcessOptions options, String... argv) {
        return LoopCore.of(this).io().subprocessExec(factory, options, argv);
    }

    /** asyncio's {@code subprocess_shell}: runs {@code command} with {@code /bin/sh -c}. */
    default Future<SubprocessTransport> subprocessShell(Supplier<? extends SubprocessProtocol> factory,
            ProcessOptions options, String command) {
        return LoopCore.of(this).io().subprocessShell(factory, options, command);
    }

    /**
     * asyncio's {@code connect_read_pipe}: reads {@code pipe} (a FIFO's channel, a
     * {@link java.nio.channels.Pipe.SourceChannel}…, put in blocking mode) on a pump thread and
     * feeds {@code factory}'s protocol on this loop.
     */
    default <P extends Protocol> Future<Connection<P>> connectReadPipe(Supplier<P> factory, ReadableByteChannel pipe) {
        return LoopCore.of(this).io().connectReadPipe(factory, pipe);
    }

    /** asyncio's {@code connect_write_pipe}: writes to {@code pipe} from a writer thread, with write flow control. */
    default <P extends Protocol> Future<Connection<P>> connectWritePipe(Supplier<P> factory, WritableByteChannel pipe) {
        return LoopCore.of(this).io().connectWritePipe(factory, pipe);
    }

    /**
     * Runs {@code callback} on this loop each time the JVM receives {@code signal} (see
     * {@link io.aio4j.process.Signals}); replaces this loop's earlier handler for it. Closing the
     * loop removes its handlers.
     *
     * @throws IllegalArgumentException {@code "invalid signal number N"}, or
     *     {@code "sig N cannot be caught"} for SIGKILL, SIGSTOP and the signals the JVM keeps
     */
    default void addSignalHandler(int signal, Runnable callback) {
        LoopCore.require(this).io().addSignalHandler(signal, callback);
    }

    /** Restores {@code signal}'s previous handler; false if this loop had no handler for it. */
    default boolean removeSignalHandler(int signal) {
        return LoopCore.require(this).io().removeSignalHandler(signal);
    }

    /**
     * A text dump of this loop's pending tasks: for each, its name and state, where its body is
     * suspended (stack), the future it awaits and the tasks awaiting it. Callable from any
     * thread, also while the loop is stuck (then it is a best-effort snapshot).
     */
    default String dumpTasks() {
        return LoopCore.dumpTasks(this);
    }
}
