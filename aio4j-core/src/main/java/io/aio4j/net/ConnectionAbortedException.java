package io.aio4j.net;

import java.io.IOException;

/** The connection was aborted on this side, e.g. after the peer disappeared or a timeout (Python's {@code ConnectionAbortedError}). */
public class ConnectionAbortedException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public ConnectionAbortedException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public ConnectionAbortedException(String message, IOException cause) {
        super(message, cause);
    }
}
