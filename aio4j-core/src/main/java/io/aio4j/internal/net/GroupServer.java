package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.CancelledException;
import io.aio4j.EventLoop;
import io.aio4j.internal.group.AwaitAnywhere;
import io.aio4j.internal.loop.Handoff;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.net.Balancing;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@code LoopGroup}'s server: one {@link RealServer} per loop, each used only on its loop, and
 * this thread-safe view over them. With {@link Balancing#REUSE_PORT} every loop listens on the
 * same addresses with {@code SO_REUSEPORT}; with {@link Balancing#ACCEPTOR} the first loop's
 * server listens and hands each accepted connection to the loops' servers in turn (the others
 * listen on nothing). Either way a connection lives on one loop, tracked by that loop's server.
 */
public final class GroupServer implements Server {
    private final List<EventLoop> loops;
    private final List<RealServer> servers;
    private final List<SocketAddress> addresses;
    private final Balancing balancing;
    private final CompletableFuture<Void> closedSignal = new CompletableFuture<>();
    private volatile boolean serving;

    private GroupServer(List<EventLoop> loops, List<RealServer> servers, List<SocketAddress> addresses, Balancing balancing) {
        this.loops = loops;
        this.servers = servers;
        this.addresses = addresses;
        this.balancing = balancing;
    }

    /** Binds on every loop of {@code loops} as {@code balancing} says; completes once all listen (or none does). */
    public static CompletableFuture<GroupServer> start(List<EventLoop> loops, Supplier<? extends Protocol> factory,
            String host, int port, ServerOptions options, Balancing balancing) {
        Balancing mode = balancing == Balancing.AUTO
                ? (Balancing.reusePortBalances() ? Balancing.REUSE_PORT : Balancing.ACCEPTOR) : balancing;
        ServerOptions quiet = options.startServing(false);
        ServerOptions first = mode == Balancing.REUSE_PORT ? quiet.reusePort(true) : quiet;
        EventLoop loop0 = loops.get(0);
        CompletableFuture<RealServer> bound0 = onLoop(loop0,
                () -> (RealServer) Aio.await(Listen.createServer(SelectorEventLoop.of(loop0), factory, host, port, first)));
        return bound0.thenCompose(s0 -> {
            List<InetSocketAddress> addrs = new ArrayList<>();
            for (SocketAddress a : s0.sockets()) {
                addrs.add((InetSocketAddress) a);
            }
            List<CompletableFuture<RealServer>> rest = new ArrayList<>();
            rest.add(CompletableFuture.completedFuture(s0));
            for (EventLoop loop : loops.subList(1, loops.size())) {
                SelectorEventLoop sel = SelectorEventLoop.of(loop);
                rest.add(mode == Balancing.REUSE_PORT
                        ? onLoop(loop, () -> (RealServer) Aio.await(Listen.createServer(sel, factory, addrs, first)))
                        : CompletableFuture.completedFuture(new RealServer(sel, List.of(), factory, quiet, null)));
            }
            return CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).handle((ignored, error) -> {
                List<RealServer> made = new ArrayList<>();
                for (CompletableFuture<RealServer> f : rest) {
                    if (f.isDone() && !f.isCompletedExceptionally()) {
                        made.add(f.join());
                    }
                }
                GroupServer g = new GroupServer(loops, made, List.copyOf(new LinkedHashSet<>(addrs)), mode);
                if (error != null) {
                    g.close();
                    throw new CompletionException(AwaitAnywhere.unwrap(error));
                }
                if (mode == Balancing.ACCEPTOR && made.size() > 1) {
                    onLoopOf(s0, () -> s0.handOutTo(made));
                }
                if (options.startServing()) {
                    g.startServing();
                }
                return g;
            });
        });
    }

    private static <T> CompletableFuture<T> onLoop(EventLoop loop, AsyncCallable<T> body) {
        return Aio.runCoroutineThreadsafe(body, loop);
    }

    /** Runs {@code action} on each server's loop, in order (at once on the current loop); skips closed loops. */
    private void each(Consumer<RealServer> action) {
        for (RealServer s : servers) {
            onLoopOf(s, () -> action.accept(s));
        }
    }

    private static void onLoopOf(RealServer s, Runnable action) {
        SelectorEventLoop loop = s.loop();
        if (loop.inLoopThread()) {
            action.run();
        } else {
            Handoff.callSoonThreadsafe(loop, action);
        }
    }

    /**
     * Closes (after flushing) the connections this server accepted on {@code loop}; returns how many are
     * still open there. On {@code loop}: a group's shutdown calls it as the loop finishes draining.
     */
    public int closeClientsOn(EventLoop loop) {
        int open = 0;
        for (RealServer s : servers) {
            if (s.loop().eventLoop() == loop) {
                s.closeClients();
                open += s.clientCount();
            }
        }
        return open;
    }

    /** How connections are spread: {@link Balancing#REUSE_PORT} or {@link Balancing#ACCEPTOR} (never AUTO). */
    public Balancing balancing() {
        return balancing;
    }

    @Override
    public List<SocketAddress> sockets() {
        return closedSignal.isDone() ? List.of() : addresses;
    }

    @Override
    public void close() {
        if (closedSignal.complete(null)) {
            serving = false;
            each(RealServer::close);
        }
    }

    @Override
    public void waitClosed() {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (RealServer s : servers) {
            try {
                AsyncRunnable wait = s::waitClosed;
                waits.add(Aio.runCoroutineThreadsafe(wait, s.loop()).exceptionally(e -> {
                    if (s.loop().isClosed()) {
                        return null;
                    }
                    throw new CompletionException(e);
                }));
            } catch (IllegalStateException loopClosed) {
                // A closed loop has closed its server and its connections.
            }
        }
        AwaitAnywhere.await(CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)), "Server.waitClosed()");
    }

    @Override
    public void serveForever() {
        if (closedSignal.isDone()) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        startServing();
        try {
            AwaitAnywhere.await(closedSignal.copy(), "Server.serveForever()");
        } catch (CancelledException e) {
            try {
                close();
                waitClosed();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        waitClosed();
        throw new CancelledException("the server was closed");
    }

    @Override
    public void startServing() {
        if (closedSignal.isDone()) {
            return;
        }
        serving = true;
        each(RealServer::startServing);
    }

    @Override
    public boolean isServing() {
        return serving && !closedSignal.isDone();
    }

    @Override
    public void closeClients() {
        each(RealServer::closeClients);
    }

    @Override
    public void abortClients() {
        each(RealServer::abortClients);
    }

    @Override
    public String toString() {
        return "<Server sockets=" + (closedSignal.isDone() ? "()" : addresses.toString()) + " loops=" + loops.size() + " "
                + balancing.name().toLowerCase(Locale.ROOT) + ">";
    }
}
