package io.aio4j.net;

import java.io.IOException;

/** A file or socket path does not exist (Python's {@code FileNotFoundError}). */
public class FileNotFoundException extends AioIOException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public FileNotFoundException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public FileNotFoundException(String message, IOException cause) {
        super(message, cause);
    }
}
