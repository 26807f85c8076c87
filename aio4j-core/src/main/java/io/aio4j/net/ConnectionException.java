package io.aio4j.net;

import java.io.IOException;

/** A connection-level failure (Python's {@code ConnectionError}); see its subclasses. */
public class ConnectionException extends AioIOException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public ConnectionException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public ConnectionException(String message, IOException cause) {
        super(message, cause);
    }
}
