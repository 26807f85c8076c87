package io.aio4j.monitor;

import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.time.Durations;
import io.aio4j.monitor.internal.Server;
import io.aio4j.monitor.internal.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * aio4j's live monitor: a web page of every event loop and task of this JVM, the JSON API behind
 * it, Prometheus metrics at {@code /metrics} and a JMX MBean per loop ({@code io.aio4j:type=Loop,id=N}).
 *
 * <pre>{@code
 *   try (Monitor monitor = Monitor.start(new MonitorOptions().port(8950))) {
 *       System.out.println("monitor at " + monitor.uri());
 *       Aio.run(Main::main);
 *   }
 * }</pre>
 *
 * or, with no code change, {@code java -Daio4j.monitor=127.0.0.1:8950 ...} with this module on
 * the class path. The page is served by the monitor's own threads, never by a loop, so it loads
 * while a loop is stuck; the monitor reads the loops without their cooperation. It binds
 * {@code 127.0.0.1} unless told otherwise, and cancelling a task needs the per-process token that
 * {@link #uri()} carries. See the module's README for the API and the metrics.
 */
public final class Monitor implements AutoCloseable {
    private static final System.Logger LOG = AioLogger.LOG;
    private static final String TOKEN = newToken();

    private final Server server;
    private volatile boolean closed;

    private Monitor(Server server) {
        this.server = server;
    }

    /**
     * Starts a monitor and logs its URL once, at INFO, on the {@code System.Logger} "aio4j".
     *
     * @throws IllegalArgumentException if the host is not a loopback address and
     *         {@link MonitorOptions#allowRemote(boolean)} is off, or it does not resolve
     * @throws UncheckedIOException if the address cannot be bound (the port is taken)
     */
    public static Monitor start(MonitorOptions options) {
        Objects.requireNonNull(options, "options");
        InetAddress address;
        try {
            address = InetAddress.getByName(options.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the monitor's host '" + options.host() + "'", e);
        }
        if (!address.isLoopbackAddress() && !options.allowRemote()) {
            throw new IllegalArgumentException("refusing to serve the monitor on " + address.getHostAddress()
                    + ", which is not a loopback address: anyone who reaches it reads every task's name and stack."
                    + " Set MonitorOptions.allowRemote(true) to allow it");
        }
        // Durations saturates: a slow step or probe interval of 292 years or more is "never", not an ArithmeticException.
        Settings settings = new Settings(Durations.toSeconds(options.slowStep(), "slowStep"),
                Durations.toSeconds(options.lagProbeInterval(), "lagProbeInterval"), options.keepTerminated(), options.jmx());
        Server server;
        try {
            server = Server.start(new InetSocketAddress(address, options.port()), address.isLoopbackAddress(), TOKEN,
                    settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the aio4j monitor on " + address.getHostAddress() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        }
        Monitor m = new Monitor(server);
        LOG.log(System.Logger.Level.INFO, "aio4j monitor: " + m.uri());
        return m;
    }

    /** The page's URL, {@code http://127.0.0.1:PORT/?token=...}: the token lets the page cancel tasks. */
    public URI uri() {
        return server.uri();
    }

    /**
     * The token that {@code POST /api/tasks/{id}/cancel} needs in the {@code X-Aio4j-Token}
     * header; the same for every monitor of this process.
     */
    public String token() {
        return TOKEN;
    }

    /** Stops serving, sampling and recording, and unregisters the MBeans. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop();
    }

    @Override
    public String toString() {
        return "<Monitor " + (closed ? "closed" : "at " + server.uri().getHost() + ":" + server.uri().getPort()) + ">";
    }

    private static String newToken() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
