package io.aio4j.net;

import java.nio.ByteBuffer;

/**
 * asyncio's {@code Protocol}: the callbacks of a stream connection (TCP, Unix, TLS). The loop
 * calls them on its thread, one at a time, in this order: {@link #connectionMade} once, then
 * {@link #dataReceived} any number of times, then at most one {@link #eofReceived}, then
 * {@link #connectionLost} once. A callback must not block; an exception it throws goes to the
 * loop's exception handler.
 */
public interface Protocol {
    /** The connection is ready; {@code transport} is how the protocol writes and closes it. */
    default void connectionMade(Transport transport) {
    }

    /** Bytes arrived. The buffer is the protocol's to keep (a fresh heap buffer for each call). */
    default void dataReceived(ByteBuffer data) {
    }

    /**
     * The peer closed its write side. Return {@code true} to keep this side open for writing
     * (half close); {@code false}, the default, closes the transport.
     */
    default boolean eofReceived() {
        return false;
    }

    /** The connection is closed: {@code null} after a regular close or EOF, else the error. */
    default void connectionLost(Throwable errorOrNull) {
    }

    /** The transport's write buffer went above its high-water mark: stop writing until {@link #resumeWriting}. */
    default void pauseWriting() {
    }

    /** The transport's write buffer drained to its low-water mark. */
    default void resumeWriting() {
    }
}
