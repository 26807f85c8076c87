/**
 * The backend-neutral machinery of txaio: {@link io.aio4j.txaio.internal.RealTxApi} implements the
 * whole API once on top of a small {@link io.aio4j.txaio.spi.Driver} per backend. Not exported.
 */
package io.aio4j.txaio.internal;
