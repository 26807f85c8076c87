package io.aio4j.net;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The root of aio4j's typed I/O errors, Python's {@code OSError} family as Trollius backported it.
 * The cause is the JDK's {@link IOException} (made up from the message when aio4j detects the
 * error itself). Catch a subclass such as {@link ConnectionResetException} to handle one kind of
 * failure; {@code IoErrors}-style mapping from the JDK's exceptions is done by aio4j's transports.
 */
public class AioIOException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself: the cause is an {@link IOException} with the same message. */
    public AioIOException(String message) {
        super(message, new IOException(message));
    }

    /** An error reported by the JDK as {@code cause}. */
    public AioIOException(String message, IOException cause) {
        super(message, cause);
    }
}
