/**
 * The aio4j backend: txaio futures are aio4j {@code Future}s, timers are {@code loop.callLater}.
 */
package io.aio4j.txaio.internal.aio4j;
