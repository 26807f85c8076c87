package io.aio4j.net;

import java.io.IOException;

/**
 * A file, socket path or program does not exist: Python's {@code FileNotFoundError} ({@code ENOENT},
 * whose text names this class). Not {@link java.io.FileNotFoundException}, which the JDK throws
 * from its blocking streams: aio4j maps the JDK's {@code NoSuchFileException} and "No such file
 * or directory" errors to this one.
 */
public class NoSuchFileOrDirectoryException extends AioIOException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public NoSuchFileOrDirectoryException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public NoSuchFileOrDirectoryException(String message, IOException cause) {
        super(message, cause);
    }
}
