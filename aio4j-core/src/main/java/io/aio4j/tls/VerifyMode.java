package io.aio4j.tls;

/** Python's {@code ssl.VerifyMode}: whether the peer's certificate is asked for and checked. */
public enum VerifyMode {
    /** Not requested (servers) or not checked (clients; needs {@code checkHostname(false)}). */
    CERT_NONE,
    /** Requested and checked if sent (servers: client certificates are optional). */
    CERT_OPTIONAL,
    /** Required and checked. */
    CERT_REQUIRED
}
