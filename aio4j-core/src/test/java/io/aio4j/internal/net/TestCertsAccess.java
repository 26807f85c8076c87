package io.aio4j.internal.net;

import java.nio.file.Path;

/** Lets tests of other packages use {@link TestCerts}. */
public final class TestCertsAccess {
    private TestCertsAccess() {
    }

    /** The directory holding cert.pem and key.pem for localhost / 127.0.0.1. */
    public static Path dir() {
        return TestCerts.dir();
    }
}
