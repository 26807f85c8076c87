/**
 * Echo servers for the out-of-process echo benchmark (the uvloop method): aio4j with protocols
 * and with streams, and Netty NIO on one event-loop thread. {@code aio4j-bench/echo/run-echo.sh}
 * drives them with the C load client.
 */
package io.aio4j.bench.echo;
