/**
 * asyncio's transports and protocols: {@link io.aio4j.net.Transport} and
 * {@link io.aio4j.net.Protocol} for TCP and Unix domain sockets, {@link io.aio4j.net.DatagramTransport}
 * for UDP, servers and the options of connections and servers, and the typed OS error hierarchy
 * rooted at {@link io.aio4j.net.AioIOException} (Trollius' {@code OSError} subclasses). The
 * connection factories are methods of {@link io.aio4j.EventLoop}. Every callback runs on the
 * loop's thread.
 *
 * <p>Built on this package: streams in {@link io.aio4j.stream}, TLS in {@link io.aio4j.tls}.
 */
package io.aio4j.net;
