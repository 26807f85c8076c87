/**
 * The seams of aio4j's run loop, for a loop built on it by composition (aio4j-test's
 * virtual-time {@code TestLoop}; exported to that module only): the injected
 * {@link io.aio4j.internal.loop.spi.LoopClock} and {@link io.aio4j.internal.loop.spi.Poller},
 * and {@link io.aio4j.internal.loop.spi.LoopEngine}, the loop as a component.
 */
package io.aio4j.internal.loop.spi;
