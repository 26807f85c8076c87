/**
 * The Netty 4.2 backend of aio4j-txaio, and {@link io.aio4j.txaio.netty.NettyFutures} for using
 * Netty futures from aio4j code.
 *
 * <p>With this module present, {@code Txaio.useNetty()} and {@code Txaio.withConfig(nettyEventLoop)}
 * give txaio futures that are Netty {@code Promise}s and timers on the loop's scheduler.
 */
package io.aio4j.txaio.netty;
