package io.aio4j.net;

import java.io.IOException;

/** Nobody listens at the address connected to (Python's {@code ConnectionRefusedError}, {@code ECONNREFUSED}). */
public class ConnectionRefusedException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public ConnectionRefusedException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public ConnectionRefusedException(String message, IOException cause) {
        super(message, cause);
    }
}
