package io.aio4j.net;

import java.io.IOException;

/** An I/O operation was interrupted (Python's {@code InterruptedError}). */
public class InterruptedIOException extends AioIOException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public InterruptedIOException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public InterruptedIOException(String message, IOException cause) {
        super(message, cause);
    }
}
