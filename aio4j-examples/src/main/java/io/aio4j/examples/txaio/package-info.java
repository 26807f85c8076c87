/**
 * txaio examples: the programming guide's logging example ({@link io.aio4j.examples.txaio.Bunny}),
 * one API per loop ({@link io.aio4j.examples.txaio.MultiLoop}), and a request/response client
 * library written once against {@code TxApi} and run on aio4j, Netty and the JDK
 * ({@link io.aio4j.examples.txaio.LineClientDemo}).
 */
package io.aio4j.examples.txaio;
