package io.aio4j;

import io.aio4j.net.Balancing;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A fixed group of event loops, each run by its own platform thread ({@code aio4j-loop-<group>-<i>}),
 * for a program that uses every core: {@link Aio#newLoopGroup(int)}. Every asyncio rule still
 * holds inside each loop (one thread, nothing on a loop needs a lock); the group only starts the
 * loops, hands work to them, spreads a server's connections over them and shuts them all down.
 *
 * <pre>{@code
 *   try (LoopGroup group = Aio.newLoopGroup()) {                 // one loop per core
 *       Server server = group.createServer(Echo::new, "0.0.0.0", 8888, ServerOptions.defaults());
 *       server.serveForever();                                    // until closed or interrupted
 *   }
 * }</pre>
 *
 * <p><b>What is shared.</b> Nothing of a loop is: its futures, tasks, locks, queues and
 * transports belong to it, and another loop's thread must not touch them. A {@link Future} of
 * one loop awaited by a task of another with {@code Aio.await(future)} throws asyncio's
 * {@code "attached to a different loop"}; hand results over with a {@link CompletableFuture}
 * instead: {@code Aio.await(future.toCompletableFuture())}, or {@code Aio.await(group.submit(i, body))},
 * both thread-safe (cancelling the awaiting task cancels the other loop's future or task).
 * Shared plain Java state between loops needs the usual JDK tools ({@code java.util.concurrent}).
 *
 * <p><b>Shutting down.</b> {@link #shutdownGracefully} (and {@link #close()}, with defaults)
 * stops accepting work and connections, lets the loops' tasks finish, cancels what is still
 * pending at the timeout (each reported to its loop's exception handler, as pending tasks are
 * at a loop's close), and closes every loop. No JVM shutdown hook is installed unless
 * {@link #closeOnJvmShutdown()} asks for one.
 *
 * <p>All methods are thread-safe.
 */
public interface LoopGroup extends AutoCloseable {
    /** {@link #close()}'s quiet period: how long every loop must have had no pending task. */
    Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(100);
    /** {@link #close()}'s timeout: how long tasks may take to finish before they are cancelled. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    /** The group's loops, in index order (an immutable list). */
    List<EventLoop> loops();

    /** The group's number of loops. */
    default int size() {
        return loops().size();
    }

    /** The next loop in round-robin order. */
    EventLoop next();

    /**
     * Runs {@code body} as a task of {@link #next()} and returns its result as a
     * {@link CompletableFuture} (awaitable from any loop with {@code Aio.await}, or joinable from any
     * thread). Cancelling the returned future cancels the task.
     *
     * @throws IllegalStateException {@code "LoopGroup is shut down"} once shutdown has begun
     */
    <T> CompletableFuture<T> submit(AsyncCallable<T> body);

    /** {@link #submit(AsyncCallable)} on the loop of index {@code loopIndex}. */
    <T> CompletableFuture<T> submit(int loopIndex, AsyncCallable<T> body);

    /** {@link #submit(AsyncCallable)} for a body without a result. */
    default CompletableFuture<Void> submit(AsyncRunnable body) {
        return submit(Bodies.of(body));
    }

    /** {@link #submit(int, AsyncCallable)} for a body without a result. */
    default CompletableFuture<Void> submit(int loopIndex, AsyncRunnable body) {
        return submit(loopIndex, Bodies.of(body));
    }

    /**
     * The same {@code body} as a task on every loop (Vert.x's "instances"), one future per loop in
     * index order. {@link Aio#getRunningLoop()} in the body says which loop runs it.
     */
    <T> List<CompletableFuture<T>> runOnEach(AsyncCallable<T> body);

    /** {@link #runOnEach(AsyncCallable)} for a body without a result. */
    default List<CompletableFuture<Void>> runOnEach(AsyncRunnable body) {
        return runOnEach(Bodies.of(body));
    }

    /**
     * A server on {@code host:port} whose connections are spread over every loop ({@link Balancing#AUTO}:
     * one {@code SO_REUSEPORT} listening socket per loop on Linux, one acceptor loop elsewhere). Each
     * connection's protocol is made by {@code factory} on the loop that serves it and stays on that loop
     * for its whole life; {@code factory} is called from every loop's thread, so it must be thread-safe
     * ({@code Echo::new} is). A factory that throws closes that connection and reports the exception to
     * that loop's exception handler; the other loops keep serving. The returned {@link Server} is
     * thread-safe and covers all loops; it is closed when the group shuts down.
     *
     * <p>From a task this suspends the task; from any other thread (not a loop's) it blocks until
     * every loop listens.
     */
    default Server createServer(Supplier<? extends Protocol> factory, String host, int port, ServerOptions options) {
        return createServer(factory, host, port, options, Balancing.AUTO);
    }

    /** {@link #createServer(Supplier, String, int, ServerOptions)} with a choice of how connections are spread. */
    Server createServer(Supplier<? extends Protocol> factory, String host, int port, ServerOptions options,
            Balancing balancing);

    /**
     * Shuts the group down: stops accepting work ({@link #submit} throws) and closes the group's
     * servers, then lets the loops' tasks finish. Once a loop has had no pending task for
     * {@code quietPeriod}, or {@code timeout} has passed since this call, it cancels what is left
     * (each task reported to the loop's exception handler, {@code "Task was cancelled at LoopGroup
     * shutdown: still pending after the timeout"}), closes the connections of the group's servers on
     * that loop after flushing their writes (for at most one second past the timeout), shuts its
     * default executor down and closes. A submitted body whose task had to be ended by the loop's
     * close completes its future with a {@link CancelledException}.
     *
     * <p>Called from any other thread, this returns once every loop is closed. Called from a task or
     * callback of one of the group's own loops, it cannot wait for its own loop: it starts the shutdown
     * and returns at once ({@link #terminationFuture()} says when it is over). Calling it again, or
     * after {@link #close()}, only waits.
     *
     * @throws IllegalArgumentException if a duration is negative
     */
    void shutdownGracefully(Duration quietPeriod, Duration timeout);

    /** {@link #shutdownGracefully} with {@link #DEFAULT_QUIET_PERIOD} and {@link #DEFAULT_TIMEOUT}. */
    @Override
    void close();

    /** Whether shutdown has begun. */
    boolean isShutdown();

    /** A future completed once every loop of the group is closed. */
    CompletableFuture<Void> terminationFuture();

    /**
     * Installs a JVM shutdown hook that runs {@link #close()} (Ctrl-C or SIGTERM then ends the
     * group gracefully); returns this group. Nothing is installed unless this is called.
     */
    LoopGroup closeOnJvmShutdown();
}
