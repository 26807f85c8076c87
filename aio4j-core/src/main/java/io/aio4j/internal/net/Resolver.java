package io.aio4j.internal.net;

import io.aio4j.Future;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.SelectorEventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** asyncio's {@code getaddrinfo}: name resolution in the loop's default executor, timed in debug mode. */
public final class Resolver {
    private static final System.Logger LOG = AioLogger.LOG;

    private Resolver() {
    }

    /** The addresses of {@code host} (null: the wildcard address) with {@code port}, in the resolver's order. */
    public static Future<List<InetSocketAddress>> getaddrinfo(SelectorEventLoop loop, String host, int port) {
        checkPort(port);
        boolean debug = loop.isDebug();
        double slow = loop.slowCallbackDuration();
        return loop.runInExecutor(null, () -> {
            String what = "host=" + host + " port=" + port;
            long t0 = 0;
            if (debug) {
                LOG.log(System.Logger.Level.DEBUG, "Get address info " + what);
                t0 = System.nanoTime();
            }
            List<InetSocketAddress> addrs;
            try {
                addrs = resolve(host, port);
            } catch (UnknownHostException e) {
                throw IoErrors.map(e);
            }
            if (debug) {
                double dt = (System.nanoTime() - t0) / 1e9;
                String msg = String.format(Locale.ROOT, "Getting address info %s took %.3fms: %s", what, dt * 1e3, addrs);
                LOG.log(dt >= slow ? System.Logger.Level.INFO : System.Logger.Level.DEBUG, msg);
            }
            return addrs;
        });
    }

    /**
     * The addresses of {@code host}, resolved on the calling thread when it is an IP literal or
     * null (no lookup happens then), else through {@link #getaddrinfo}: asyncio's {@code _ensure_resolved}.
     */
    public static Future<List<InetSocketAddress>> ensureResolved(SelectorEventLoop loop, String host, int port) {
        checkPort(port);
        if (host == null || isLiteral(host)) {
            Future<List<InetSocketAddress>> f = loop.createFuture();
            try {
                f.setResult(resolve(host, port));
            } catch (UnknownHostException e) {
                f.setException(IoErrors.map(e));
            }
            return f;
        }
        return getaddrinfo(loop, host, port);
    }

    private static List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> out = new ArrayList<>();
        if (host == null || host.isEmpty()) {
            out.add(new InetSocketAddress(port));
            return out;
        }
        for (InetAddress a : InetAddress.getAllByName(host)) {
            out.add(new InetSocketAddress(a, port));
        }
        return out;
    }

    /** The protocol family of a channel for {@code address}. */
    public static java.net.ProtocolFamily familyOf(InetSocketAddress address) {
        return address.getAddress() instanceof java.net.Inet6Address
                ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET;
    }

    /** Whether {@code host} is an IPv4 or IPv6 literal (no lookup, no SNI). */
    public static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
