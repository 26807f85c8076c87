package io.aio4j.net;

import java.nio.ByteBuffer;

/**
 * asyncio's {@code BufferedProtocol}: a stream protocol that lends the transport the buffer to
 * read into, instead of receiving a fresh copy of each chunk. With a direct buffer that the
 * protocol reuses, a read costs no allocation and no copy, and writing a slice of it back costs
 * no copy either while the socket accepts it at once — the way to move large messages cheaply.
 *
 * <p>For each read the transport calls {@link #getBuffer}, reads into the returned buffer from
 * its position (advancing it), then calls {@link #bufferUpdated} with the count. Both run on the
 * loop thread; the buffer must not be touched by other threads meanwhile. Transports that
 * deliver data some other way (TLS, pipes) call {@link #dataReceived}, which this interface
 * turns into the same two calls.
 */
public interface BufferedProtocol extends Protocol {
    /**
     * The buffer to read into, with at least one byte {@linkplain ByteBuffer#remaining() remaining}.
     *
     * @param sizeHint how many bytes are known to be coming, or -1 when unknown
     */
    ByteBuffer getBuffer(int sizeHint);

    /** {@code nbytes} bytes were written into the last buffer, ending at its new position. */
    void bufferUpdated(int nbytes);

    /** Copies {@code data} through {@link #getBuffer} and {@link #bufferUpdated}, chunk by chunk. */
    @Override
    default void dataReceived(ByteBuffer data) {
        while (data.hasRemaining()) {
            ByteBuffer into = getBuffer(data.remaining());
            if (into == null || !into.hasRemaining()) {
                throw new IllegalStateException("getBuffer() returned an empty buffer: " + into);
            }
            int n = Math.min(into.remaining(), data.remaining());
            ByteBuffer chunk = data.slice(data.position(), n);
            into.put(chunk);
            data.position(data.position() + n);
            bufferUpdated(n);
        }
    }
}
