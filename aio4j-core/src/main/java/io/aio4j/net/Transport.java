package io.aio4j.net;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLSession;

/**
 * asyncio's {@code Transport}: the write side and the controls of a stream connection, given to
 * {@link Protocol#connectionMade}. Call it from the loop's thread. Writes never block: what the
 * socket does not take at once is buffered, and the protocol is told to pause above the
 * high-water mark (64 KiB by default) and to resume at the low-water mark (16 KiB).
 */
public interface Transport extends AutoCloseable {
    /** Queues {@code data} (its remaining bytes, copied) for sending. After {@link #close}, writes are dropped and counted. */
    void write(ByteBuffer data);

    /** Queues {@code data} for sending. */
    default void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /** Closes the write side once the buffer is flushed (half close); reading goes on. */
    void writeEof();

    /** Whether {@link #writeEof} is supported (not over TLS). */
    boolean canWriteEof();

    /** Closes the transport after flushing the write buffer; {@code connectionLost(null)} follows. */
    @Override
    void close();

    /** Closes the transport at once, dropping buffered data; {@code connectionLost(null)} follows. */
    void abort();

    /** Whether the transport is closing or closed. */
    boolean isClosing();

    /** Stops calling {@link Protocol#dataReceived} until {@link #resumeReading}. */
    void pauseReading();

    /** Undoes {@link #pauseReading}. */
    void resumeReading();

    /** Whether the transport is receiving (not paused, not closing). */
    boolean isReading();

    /**
     * Sets the high- and low-water marks of the write buffer, in bytes.
     *
     * @throws IllegalArgumentException unless {@code high >= low >= 0}
     */
    void setWriteBufferLimits(int high, int low);

    /** How many bytes wait in the write buffer. */
    int writeBufferSize();

    /**
     * Information about the connection, or {@code null}: {@code "peername"} and
     * {@code "sockname"} (the {@link java.net.SocketAddress}es), {@code "socket"} (the channel),
     * and over TLS {@code "sslcontext"}, {@code "peercert"} (the peer's
     * {@link java.security.cert.Certificate}s), {@code "cipher"} (the suite's name),
     * {@code "sslsession"} and {@code "alpn"}.
     */
    Object extraInfo(String name);

    /** The remote address ({@code extraInfo("peername")}), or {@code null} when there is none (a pipe). */
    default SocketAddress peerAddress() {
        return extraInfo("peername") instanceof SocketAddress a ? a : null;
    }

    /** The local address ({@code extraInfo("sockname")}), or {@code null} when there is none (a pipe). */
    default SocketAddress localAddress() {
        return extraInfo("sockname") instanceof SocketAddress a ? a : null;
    }

    /**
     * The TLS session ({@code extraInfo("sslsession")}): protocol, cipher suite, peer
     * certificates. {@code null} on a plain connection, and on TLS before the handshake is done.
     */
    default SSLSession sslSession() {
        return extraInfo("sslsession") instanceof SSLSession s ? s : null;
    }
}
