package io.aio4j.tls;

import io.aio4j.internal.net.TlsTimeouts;
import java.util.Objects;

/**
 * The arguments of asyncio's {@code start_tls}: which side of the handshake this end plays,
 * with what context, name and timeouts. {@code TlsOptions.client(TlsContext.client())}.
 *
 * @param context the TLS context
 * @param serverSide whether this end is the TLS server
 * @param serverHostname a client's SNI / verification name; {@code null}: the peer's host, if known
 * @param handshakeTimeout seconds the handshake may take (60)
 * @param shutdownTimeout seconds to wait for the peer's close_notify when closing (30)
 */
public record TlsOptions(TlsContext context, boolean serverSide, String serverHostname, double handshakeTimeout,
        double shutdownTimeout) {
    /** Seconds a TLS handshake may take by default (asyncio's {@code SSL_HANDSHAKE_TIMEOUT}). */
    public static final double HANDSHAKE_TIMEOUT = 60.0;
    /** Seconds to wait for the peer's close_notify by default (asyncio's {@code SSL_SHUTDOWN_TIMEOUT}). */
    public static final double SHUTDOWN_TIMEOUT = 30.0;

    /** Validates the values. */
    public TlsOptions {
        Objects.requireNonNull(context, "context");
        TlsTimeouts.check("handshakeTimeout", handshakeTimeout);
        TlsTimeouts.check("shutdownTimeout", shutdownTimeout);
    }

    /** The client side of a handshake with {@code context}. */
    public static TlsOptions client(TlsContext context) {
        return new TlsOptions(context, false, null, HANDSHAKE_TIMEOUT, SHUTDOWN_TIMEOUT);
    }

    /** The server side of a handshake with {@code context}. */
    public static TlsOptions server(TlsContext context) {
        return new TlsOptions(context, true, null, HANDSHAKE_TIMEOUT, SHUTDOWN_TIMEOUT);
    }

    /** A copy with the given SNI / verification name. */
    public TlsOptions serverHostname(String name) {
        return new TlsOptions(context, serverSide, name, handshakeTimeout, shutdownTimeout);
    }

    /** A copy with the given handshake timeout, in seconds. */
    public TlsOptions handshakeTimeout(double seconds) {
        return new TlsOptions(context, serverSide, serverHostname, seconds, shutdownTimeout);
    }

    /** A copy with the given shutdown timeout, in seconds. */
    public TlsOptions shutdownTimeout(double seconds) {
        return new TlsOptions(context, serverSide, serverHostname, handshakeTimeout, seconds);
    }
}
