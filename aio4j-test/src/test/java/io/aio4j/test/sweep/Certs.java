package io.aio4j.test.sweep;

import io.aio4j.tls.TlsContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed localhost / 127.0.0.1 certificate, made once per JVM with the JDK's keytool. */
final class Certs {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static KeyStore store;
    private static TlsContext server;
    private static TlsContext client;

    private Certs() {
    }

    private static synchronized KeyStore store() {
        if (store == null) {
            try {
                Path dir = Files.createTempDirectory("aio4j-sweep-tls");
                Path file = dir.resolve("server.p12");
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                        "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                        "-keypass", "changeit").redirectErrorStream(true).start();
                byte[] output = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IllegalStateException("keytool failed: " + new String(output));
                }
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, PASSWORD);
                }
                Files.delete(file);
                Files.delete(dir);
                store = ks;
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the test certificate", e);
            }
        }
        return store;
    }

    /** A server context with the localhost certificate (one per JVM). */
    static synchronized TlsContext server() {
        if (server != null) {
            return server;
        }
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store(), PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            server = TlsContext.server(ctx);
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context trusting only the localhost certificate (one per JVM). */
    static synchronized TlsContext client() {
        if (client != null) {
            return client;
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            client = TlsContext.client(ctx);
            return client;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
