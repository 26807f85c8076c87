package io.aio4j.net;

import java.io.IOException;

/** An operation would block a non-blocking channel (Python's {@code BlockingIOError}). */
public class BlockingIOException extends AioIOException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public BlockingIOException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public BlockingIOException(String message, IOException cause) {
        super(message, cause);
    }
}
