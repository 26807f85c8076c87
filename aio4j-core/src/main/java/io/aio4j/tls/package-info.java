/**
 * TLS for transports and streams: {@link io.aio4j.tls.TlsContext} (asyncio's {@code SSLContext}:
 * certificates, verify modes, SNI) and {@link io.aio4j.tls.TlsOptions} (asyncio's {@code ssl=},
 * {@code server_hostname=} and timeouts), given to {@code createConnection}, {@code createServer},
 * {@code startTls} or the stream functions. TLS runs on an {@link javax.net.ssl.SSLEngine} inside
 * the transport, so a live connection can be upgraded. Errors are
 * {@link io.aio4j.tls.TlsException}s, part of the {@link io.aio4j.net.AioIOException} hierarchy.
 */
package io.aio4j.tls;
