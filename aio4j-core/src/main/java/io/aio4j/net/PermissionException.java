package io.aio4j.net;

import java.io.IOException;

/** The operating system denied the operation (Python's {@code PermissionError}). */
public class PermissionException extends AioIOException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public PermissionException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public PermissionException(String message, IOException cause) {
        super(message, cause);
    }
}
