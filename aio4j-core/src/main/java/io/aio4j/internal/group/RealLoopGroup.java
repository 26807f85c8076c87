package io.aio4j.internal.group;

import io.aio4j.AsyncCallable;
import io.aio4j.EventLoop;
import io.aio4j.LoopGroup;
import io.aio4j.internal.net.GroupServer;
import io.aio4j.internal.time.Durations;
import io.aio4j.net.Balancing;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link LoopGroup}: {@code n} {@link GroupLoop}s started at construction (it returns once every
 * loop runs), round-robin hand-out, and the graceful shutdown that drains each loop on itself.
 */
public final class RealLoopGroup implements LoopGroup {
    /*
     * Overview: `lock` orders submissions against the start of a shutdown. A submit checks the state
     * and queues its task's creation on the loop (callSoonThreadsafe) under the lock; shutdown flips
     * the state and queues each loop's drain under the same lock. A loop runs its thread-safe queue
     * in order, so every accepted submission has created its task before the drain first looks at
     * the pending tasks: nothing accepted is dropped.
     */
    private static final AtomicInteger GROUP_IDS = new AtomicInteger();

    private final int id = GROUP_IDS.incrementAndGet();
    private final List<GroupLoop> members;
    private final List<EventLoop> loops;
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final AtomicInteger open;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final Set<GroupServer> servers = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private boolean shutdown;
    private volatile boolean shutdownSeen;
    private Thread hook;

    /**
     * Starts {@code n} loops and returns once each runs.
     *
     * @throws IllegalArgumentException {@code "n < 1: 0"}
     */
    public RealLoopGroup(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n < 1: " + n);
        }
        CountDownLatch started = new CountDownLatch(n);
        open = new AtomicInteger(n);
        List<GroupLoop> made = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            made.add(new GroupLoop("aio4j-loop-" + id + "-" + i, started, this::loopClosed, this::servers));
        }
        members = List.copyOf(made);
        loops = members.stream().map(GroupLoop::loop).toList();
        members.forEach(GroupLoop::start);
        boolean interrupted = false;
        while (true) {
            try {
                started.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<EventLoop> loops() {
        return loops;
    }

    @Override
    public EventLoop next() {
        return loops.get(Math.floorMod(nextIndex.getAndIncrement(), loops.size()));
    }

    @Override
    public <T> CompletableFuture<T> submit(AsyncCallable<T> body) {
        return submitTo(Math.floorMod(nextIndex.getAndIncrement(), loops.size()), body);
    }

    @Override
    public <T> CompletableFuture<T> submit(int loopIndex, AsyncCallable<T> body) {
        if (loopIndex < 0 || loopIndex >= loops.size()) {
            throw new IllegalArgumentException("loopIndex out of range [0, " + loops.size() + "): " + loopIndex);
        }
        return submitTo(loopIndex, body);
    }

    private <T> CompletableFuture<T> submitTo(int loopIndex, AsyncCallable<T> body) {
        Objects.requireNonNull(body, "body");
        synchronized (lock) {
            checkOpen("submit");
            return members.get(loopIndex).submit(body);
        }
    }

    @Override
    public <T> List<CompletableFuture<T>> runOnEach(AsyncCallable<T> body) {
        Objects.requireNonNull(body, "body");
        synchronized (lock) {
            checkOpen("runOnEach");
            List<CompletableFuture<T>> fs = new ArrayList<>(loops.size());
            for (GroupLoop m : members) {
                fs.add(m.submit(body));
            }
            return List.copyOf(fs);
        }
    }

    @Override
    public Server createServer(Supplier<? extends Protocol> factory, String host, int port, ServerOptions options,
            Balancing balancing) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(balancing, "balancing");
        checkOpen("createServer");
        GroupServer server = AwaitAnywhere.await(GroupServer.start(loops, factory, host, port, options, balancing),
                "LoopGroup.createServer()");
        servers.add(server);
        if (isShutdown()) {
            server.close();
            throw closed("createServer");
        }
        return server;
    }

    /** The group's servers (a snapshot), for each loop's drain. */
    private Collection<GroupServer> servers() {
        return List.copyOf(servers);
    }

    private void checkOpen(String what) {
        if (shutdownSeen) {
            throw closed(what);
        }
    }

    private IllegalStateException closed(String what) {
        return new IllegalStateException("LoopGroup is shut down: cannot " + what + " (" + this + ")");
    }

    @Override
    public void shutdownGracefully(Duration quietPeriod, Duration timeout) {
        double quiet = nonNegative(quietPeriod, "quietPeriod");
        double limit = nonNegative(timeout, "timeout");
        synchronized (lock) {
            if (!shutdown) {
                shutdown = true;
                shutdownSeen = true;
                servers.forEach(Server::close);
                for (GroupLoop m : members) {
                    m.drain(quiet, limit);
                }
            }
        }
        if (members.stream().anyMatch(GroupLoop::isCurrent)) {
            // One of our own loops cannot wait for itself to close: the shutdown goes on without us.
            return;
        }
        AwaitAnywhere.await(terminated, "LoopGroup.shutdownGracefully()");
    }

    private static double nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " < 0: " + d);
        }
        return Durations.toSeconds(d, name);
    }

    @Override
    public void close() {
        shutdownGracefully(DEFAULT_QUIET_PERIOD, DEFAULT_TIMEOUT);
    }

    @Override
    public boolean isShutdown() {
        return shutdownSeen;
    }

    @Override
    public CompletableFuture<Void> terminationFuture() {
        return terminated.copy();
    }

    @Override
    public LoopGroup closeOnJvmShutdown() {
        synchronized (lock) {
            if (hook == null && !shutdown) {
                hook = Thread.ofPlatform().name("aio4j-loop-" + id + "-shutdown").unstarted(this::close);
                Runtime.getRuntime().addShutdownHook(hook);
            }
        }
        return this;
    }

    private void loopClosed() {
        if (open.decrementAndGet() == 0) {
            removeHook();
            terminated.complete(null);
        }
    }

    private void removeHook() {
        synchronized (lock) {
            if (hook != null && Thread.currentThread() != hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is exiting: the hook is running or about to.
                }
            }
        }
    }

    @Override
    public String toString() {
        return "<LoopGroup #" + id + " loops=" + loops.size() + (shutdownSeen ? " shut down" : "")
                + (terminated.isDone() ? " terminated" : "") + ">";
    }
}
