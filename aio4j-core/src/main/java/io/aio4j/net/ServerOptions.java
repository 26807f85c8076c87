package io.aio4j.net;

import io.aio4j.internal.net.TlsTimeouts;
import io.aio4j.tls.TlsContext;
import io.aio4j.tls.TlsOptions;

/**
 * The keyword arguments of asyncio's {@code create_server}, as an immutable value:
 * {@code ServerOptions.defaults().reusePort(true)}.
 *
 * @param backlog the listen backlog (100), also the most connections accepted per readiness event
 * @param reusePort whether to set {@code SO_REUSEPORT}, so several loops can listen on one port
 * @param tls the TLS context of the server side, or {@code null}
 * @param handshakeTimeout seconds a client's TLS handshake may take (60)
 * @param shutdownTimeout seconds to wait for the peer's close_notify when closing (30)
 * @param startServing whether to accept at once (true) or only after {@link Server#startServing}
 */
public record ServerOptions(int backlog, boolean reusePort, TlsContext tls, double handshakeTimeout,
        double shutdownTimeout, boolean startServing) {
    /** Validates the values. */
    public ServerOptions {
        if (backlog < 0) {
            throw new IllegalArgumentException("backlog < 0: " + backlog);
        }
        TlsTimeouts.check("handshakeTimeout", handshakeTimeout);
        TlsTimeouts.check("shutdownTimeout", shutdownTimeout);
    }

    /** Backlog 100, no reusePort, no TLS, serving at once. */
    public static ServerOptions defaults() {
        return new ServerOptions(100, false, null, TlsOptions.HANDSHAKE_TIMEOUT, TlsOptions.SHUTDOWN_TIMEOUT, true);
    }

    /** A copy with the given backlog. */
    public ServerOptions backlog(int n) {
        return new ServerOptions(n, reusePort, tls, handshakeTimeout, shutdownTimeout, startServing);
    }

    /** A copy with {@code SO_REUSEPORT} on or off. */
    public ServerOptions reusePort(boolean on) {
        return new ServerOptions(backlog, on, tls, handshakeTimeout, shutdownTimeout, startServing);
    }

    /** A copy serving TLS with {@code context}. */
    public ServerOptions tls(TlsContext context) {
        return new ServerOptions(backlog, reusePort, context, handshakeTimeout, shutdownTimeout, startServing);
    }

    /** A copy with the given handshake timeout, in seconds. */
    public ServerOptions handshakeTimeout(double seconds) {
        return new ServerOptions(backlog, reusePort, tls, seconds, shutdownTimeout, startServing);
    }

    /** A copy with the given shutdown timeout, in seconds. */
    public ServerOptions shutdownTimeout(double seconds) {
        return new ServerOptions(backlog, reusePort, tls, handshakeTimeout, seconds, startServing);
    }

    /** A copy that accepts at once or waits for {@link Server#startServing}. */
    public ServerOptions startServing(boolean now) {
        return new ServerOptions(backlog, reusePort, tls, handshakeTimeout, shutdownTimeout, now);
    }
}
