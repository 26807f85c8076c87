/**
 * Batched timers: many calls, one real loop timer per time bucket.
 */
package io.aio4j.txaio.internal.timer;
