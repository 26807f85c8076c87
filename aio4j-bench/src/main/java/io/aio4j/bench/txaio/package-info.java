/**
 * Benchmarks of aio4j-txaio: batched timers against plain loop timers and Netty's
 * {@code HashedWheelTimer}.
 */
package io.aio4j.bench.txaio;
