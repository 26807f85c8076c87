package io.aio4j.net;

import java.io.IOException;

/**
 * An I/O operation was interrupted: Python's {@code InterruptedError} ({@code EINTR}, whose text
 * names this class). aio4j maps the JDK's {@link java.io.InterruptedIOException} and
 * {@link java.nio.channels.ClosedByInterruptException} to this one.
 */
public class InterruptedSystemCallException extends AioIOException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public InterruptedSystemCallException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public InterruptedSystemCallException(String message, IOException cause) {
        super(message, cause);
    }
}
