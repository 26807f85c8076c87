/**
 * asyncio's I/O half: transports and protocols ({@link io.aio4j.net.Transport},
 * {@link io.aio4j.net.Protocol}) for TCP, Unix domain sockets, UDP and TLS, the streams built on
 * them ({@link io.aio4j.net.Streams}), and the typed error hierarchy rooted at
 * {@link io.aio4j.net.AioIOException}. The connection factories are methods of
 * {@link io.aio4j.EventLoop}. Every callback runs on the loop's thread.
 */
package io.aio4j.net;
