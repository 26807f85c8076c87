package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.tls.TlsContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate for localhost / 127.0.0.1, made once per JVM with openssl. */
final class TestCerts {
    private static Path dir;

    private TestCerts() {
    }

    static synchronized Path dir() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) || onPath("openssl"),
                "skipped: openssl is not installed (needed to make a test certificate)");
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("aio4j-tls");
                run(d, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out",
                        "cert.pem", "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
                run(d, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-key.pem", "-out",
                        "other-cert.pem", "-days", "2", "-subj", "/CN=other.example",
                        "-addext", "subjectAltName=DNS:other.example");
                d.toFile().deleteOnExit();
                dir = d;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }
        return dir;
    }

    static Path cert() {
        return dir().resolve("cert.pem");
    }

    static Path key() {
        return dir().resolve("key.pem");
    }

    /** A server context with the localhost certificate. */
    static TlsContext server() {
        return TlsContext.server().loadCertChain(cert(), key());
    }

    /** A client context trusting only the localhost certificate. */
    static TlsContext client() {
        return TlsContext.client().loadVerifyLocations(cert());
    }

    /** A server context with a certificate for another name, signed by nobody the client trusts. */
    static TlsContext otherServer() {
        return TlsContext.server().loadCertChain(dir().resolve("other-cert.pem"), dir().resolve("other-key.pem"));
    }

    static boolean onPath(String tool) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void run(Path dir, String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + new String(p.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
