/**
 * Logging that never blocks a native loop's thread ({@link io.aio4j.internal.log.AioLogger}):
 * core logs through it, and aio4j's other modules wrap their loggers with it.
 */
package io.aio4j.internal.log;
