/**
 * The machinery behind {@code io.aio4j.net}: per-channel readiness on the loop's selector,
 * the socket, datagram and TLS transports, servers, name resolution, and the JDK-to-aio4j error
 * mapping.
 */
package io.aio4j.internal.net;
