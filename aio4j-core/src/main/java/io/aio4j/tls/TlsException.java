package io.aio4j.tls;

import io.aio4j.net.AioIOException;
import java.io.IOException;

/** A TLS failure: handshake, record or shutdown errors (Python's {@code ssl.SSLError}). */
public class TlsException extends AioIOException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public TlsException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public TlsException(String message, IOException cause) {
        super(message, cause);
    }
}
