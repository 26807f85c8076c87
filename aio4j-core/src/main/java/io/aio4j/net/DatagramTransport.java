package io.aio4j.net;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/** asyncio's {@code DatagramTransport}: sends datagrams of a UDP endpoint, from the loop's thread. */
public interface DatagramTransport extends AutoCloseable {
    /**
     * Sends {@code data} (its remaining bytes, copied) as one datagram to {@code to}, or to the
     * connected remote when {@code to} is {@code null}. A datagram the socket cannot take now
     * is queued.
     *
     * @throws IllegalArgumentException when {@code to} is null and the endpoint has no remote, or
     *     differs from the connected remote
     */
    void sendto(ByteBuffer data, SocketAddress to);

    /** Closes the endpoint once the queued datagrams are sent. */
    @Override
    void close();

    /** Closes the endpoint at once, dropping queued datagrams. */
    void abort();

    /** Whether the endpoint is closing or closed. */
    boolean isClosing();

    /** How many bytes of datagrams wait to be sent. */
    int writeBufferSize();

    /** {@code "peername"}, {@code "sockname"}, {@code "socket"}, or {@code null}. */
    Object extraInfo(String name);

    /** The connected remote address ({@code extraInfo("peername")}), or {@code null} when the endpoint has no remote. */
    default SocketAddress peerAddress() {
        return extraInfo("peername") instanceof SocketAddress a ? a : null;
    }

    /** The local address the endpoint is bound to ({@code extraInfo("sockname")}). */
    default SocketAddress localAddress() {
        return extraInfo("sockname") instanceof SocketAddress a ? a : null;
    }
}
