/**
 * What a txaio backend implements: a {@link io.aio4j.txaio.spi.Driver} (native futures seen as
 * {@link io.aio4j.txaio.spi.Cell}s, a later loop turn, timers, a clock, an exception handler),
 * found through {@link io.aio4j.txaio.spi.DriverProvider} with {@code ServiceLoader}; an
 * {@link io.aio4j.txaio.spi.ErrorSink} for backends without a loop exception handler.
 *
 * <p>Not API: exported only to {@code io.aio4j.txaio.netty}, which provides the Netty backend.
 * The aio4j and JDK backends live in {@code io.aio4j.txaio.internal}.
 */
package io.aio4j.txaio.spi;
