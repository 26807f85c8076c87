package io.aio4j.net;

import java.io.IOException;

/** The peer reset the connection, or it was lost before the operation completed (Python's {@code ConnectionResetError}). */
public class ConnectionResetException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public ConnectionResetException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public ConnectionResetException(String message, IOException cause) {
        super(message, cause);
    }
}
