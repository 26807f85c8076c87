package io.aio4j.tls;

import java.io.IOException;

/** The TLS connection ended without the peer's close_notify (Python's {@code ssl.SSLEOFError}). */
public class TlsEofException extends TlsException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public TlsEofException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public TlsEofException(String message, IOException cause) {
        super(message, cause);
    }
}
