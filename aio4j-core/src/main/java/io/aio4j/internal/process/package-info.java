/**
 * The machinery of {@link io.aio4j.process}: pipe transports over blocking streams (a pump
 * thread per pipe feeding the loop), the subprocess transport, exit codes, and signals
 * ({@code sun.misc.Signal} handlers that hop to the loop).
 */
package io.aio4j.internal.process;
