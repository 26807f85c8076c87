package io.aio4j.process;

import io.aio4j.net.AioIOException;
import java.io.IOException;

/** An operation on a child process failed (Python's {@code ChildProcessError}). */
public class ChildProcessException extends AioIOException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public ChildProcessException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public ChildProcessException(String message, IOException cause) {
        super(message, cause);
    }
}
