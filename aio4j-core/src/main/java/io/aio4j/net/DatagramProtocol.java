package io.aio4j.net;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * asyncio's {@code DatagramProtocol}: the callbacks of a UDP endpoint, run on the loop's thread.
 * Errors of individual datagrams (an ICMP "port unreachable" on a connected endpoint, a failed
 * send) go to {@link #errorReceived}; the endpoint stays open.
 */
public interface DatagramProtocol {
    /** The endpoint is ready. */
    default void connectionMade(DatagramTransport transport) {
    }

    /** A datagram arrived from {@code from}; the buffer is the protocol's to keep. */
    default void datagramReceived(ByteBuffer data, SocketAddress from) {
    }

    /** A send or receive failed. */
    default void errorReceived(Throwable error) {
    }

    /** The endpoint is closed: {@code null} after {@code close()}, else the error. */
    default void connectionLost(Throwable errorOrNull) {
    }

    /** The send buffer went above its high-water mark. */
    default void pauseWriting() {
    }

    /** The send buffer drained to its low-water mark. */
    default void resumeWriting() {
    }
}
