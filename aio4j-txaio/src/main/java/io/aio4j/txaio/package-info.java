/**
 * txaio for the JVM: one API for futures, timers and structured logging that runs unchanged
 * on an aio4j event loop, a Netty event loop or a plain JDK {@code ScheduledExecutorService}.
 *
 * <p>Start with {@link io.aio4j.txaio.Txaio}: select a backend once per process
 * ({@code Txaio.useAio4j()}, {@code useNetty()}, {@code useJdk()}) and call the static methods,
 * or get an independent {@link io.aio4j.txaio.TxApi} bound to one loop with
 * {@code Txaio.withConfig(loop)}.
 */
package io.aio4j.txaio;
