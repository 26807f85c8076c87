package io.aio4j.net;

import io.aio4j.internal.net.TlsTimeouts;
import io.aio4j.tls.TlsContext;
import io.aio4j.tls.TlsOptions;

/**
 * The keyword arguments of asyncio's {@code create_connection}, as an immutable value:
 * {@code ConnectOptions.defaults().tls(TlsContext.client())}.
 *
 * @param tls the TLS context, or {@code null} for a plain connection
 * @param serverHostname the name to send as SNI and to verify the certificate against; {@code null}: the host connected to
 * @param handshakeTimeout seconds the TLS handshake may take before the connection is aborted (60)
 * @param shutdownTimeout seconds to wait for the peer's close_notify when closing (30)
 */
public record ConnectOptions(TlsContext tls, String serverHostname, double handshakeTimeout, double shutdownTimeout) {
    /** Validates the timeouts. */
    public ConnectOptions {
        TlsTimeouts.check("handshakeTimeout", handshakeTimeout);
        TlsTimeouts.check("shutdownTimeout", shutdownTimeout);
    }

    /** No TLS; 60 s handshake and 30 s shutdown timeouts when TLS is added. */
    public static ConnectOptions defaults() {
        return new ConnectOptions(null, null, TlsOptions.HANDSHAKE_TIMEOUT, TlsOptions.SHUTDOWN_TIMEOUT);
    }

    /** A copy that speaks TLS with {@code context}. */
    public ConnectOptions tls(TlsContext context) {
        return new ConnectOptions(context, serverHostname, handshakeTimeout, shutdownTimeout);
    }

    /** A copy with the given SNI / verification name. */
    public ConnectOptions serverHostname(String name) {
        return new ConnectOptions(tls, name, handshakeTimeout, shutdownTimeout);
    }

    /** A copy with the given handshake timeout, in seconds. */
    public ConnectOptions handshakeTimeout(double seconds) {
        return new ConnectOptions(tls, serverHostname, seconds, shutdownTimeout);
    }

    /** A copy with the given shutdown timeout, in seconds. */
    public ConnectOptions shutdownTimeout(double seconds) {
        return new ConnectOptions(tls, serverHostname, handshakeTimeout, seconds);
    }
}
