/**
 * The Netty driver of txaio: {@code Promise}s and {@code schedule} on a Netty {@code EventExecutor}.
 */
package io.aio4j.txaio.netty.internal;
