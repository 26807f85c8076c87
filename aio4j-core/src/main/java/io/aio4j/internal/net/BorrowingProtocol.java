package io.aio4j.internal.net;

import io.aio4j.net.Protocol;
import java.nio.ByteBuffer;

/**
 * An aio4j-internal protocol (the stream reader's) that copies what it receives at once, so a
 * socket transport may lend it the bytes in the loop thread's read buffer instead of a fresh heap
 * copy ({@link Protocol#dataReceived}'s contract). The stream reader appends them to its own
 * reused storage: one copy and no allocation per read, however the kernel splits a message.
 */
public interface BorrowingProtocol extends Protocol {
    /** Bytes arrived, in a buffer that is valid only during this call and must not be kept. */
    void dataBorrowed(ByteBuffer data);
}
