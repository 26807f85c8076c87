/**
 * The backend-neutral machinery of txaio: {@link io.aio4j.txaio.internal.RealTxApi} implements the
 * whole API once on top of a small {@link io.aio4j.txaio.internal.Driver} per backend.
 *
 * <p>Not API: exported only to {@code io.aio4j.txaio.netty}, which provides the Netty driver
 * through {@link io.aio4j.txaio.internal.DriverProvider}.
 */
package io.aio4j.txaio.internal;
