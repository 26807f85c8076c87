package io.aio4j.tls;

import java.io.IOException;

/** The TLS handshake failed; the message carries the reason, the peer's alert included when it sent one. */
public class TlsHandshakeException extends TlsException {
    private static final long serialVersionUID = 1L;

    /** An error detected by aio4j itself. */
    public TlsHandshakeException(String message) {
        super(message);
    }

    /** An error reported by the JDK as {@code cause}. */
    public TlsHandshakeException(String message, IOException cause) {
        super(message, cause);
    }
}
