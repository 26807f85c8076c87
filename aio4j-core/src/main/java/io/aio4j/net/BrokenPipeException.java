package io.aio4j.net;

import java.io.IOException;

/** A write to a connection whose peer has closed it (Python's {@code BrokenPipeError}, {@code EPIPE}). */
public class BrokenPipeException extends AioIOException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public BrokenPipeException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public BrokenPipeException(String message, IOException cause) {
        super(message, cause);
    }
}
