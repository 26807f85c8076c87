package io.aio4j.internal.net;

/** The check shared by the options records that carry TLS timeouts (TLS, connection and server options). */
public final class TlsTimeouts {
    private TlsTimeouts() {
    }

    /** Throws {@link IllegalArgumentException} unless {@code seconds} is a positive number. */
    public static void check(String name, double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException(name + " should be a positive number, got " + seconds);
        }
    }
}
