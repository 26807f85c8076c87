/**
 * txaio's structured logging: levels, the placeholder formatter, the process-wide log state and
 * the line writer that {@code startLogging} installs.
 */
package io.aio4j.txaio.internal.log;
