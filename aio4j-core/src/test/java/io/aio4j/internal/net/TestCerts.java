package io.aio4j.internal.net;

import io.aio4j.tls.TlsContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates for localhost / 127.0.0.1, made once per JVM with the JDK's own
 * {@code keytool} (every JDK has it, so no TLS test depends on openssl): in PKCS12 and JKS key
 * stores, and exported as PEM with the key as PKCS#8, PKCS#1 (RSA) and SEC1 (EC), the forms
 * openssl writes. The PKCS#1 and SEC1 files are encoded here from the key's numbers, not by the
 * code under test.
 */
final class TestCerts {
    static final char[] PASSWORD = "changeit".toCharArray();
    private static Path dir;

    private TestCerts() {
    }

    /** The directory with cert.pem and key.pem (localhost, RSA) and server.p12; other files on demand. */
    static synchronized Path dir() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("aio4j-tls");
                d.toFile().deleteOnExit();
                keytool(d, "-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", "server.p12",
                        "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
                exportPem(d, "server.p12", "localhost", "cert.pem", "key.pem");
                writePem(d.resolve("key-pkcs1.pem"), "RSA PRIVATE KEY",
                        pkcs1((RSAPrivateCrtKey) load(d.resolve("server.p12")).getKey("localhost", PASSWORD)));
                dir = d;
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the test certificates with keytool", e);
            }
        }
        return dir;
    }

    /**
     * {@link #dir()} with the rarer files made too (each keytool run is a JVM start): other.p12 and
     * other-*.pem (CN=other.example), ec.p12 and ec-*.pem (P-256, the key as PKCS#8 and SEC1),
     * server.jks.
     */
    static synchronized Path allDir() {
        Path d = dir();
        if (Files.exists(d.resolve("server.jks"))) {
            return d;
        }
        try {
            keytool(d, "-genkeypair", "-alias", "other", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=other.example", "-ext", "SAN=dns:other.example", "-keystore", "other.p12",
                    "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
            exportPem(d, "other.p12", "other", "other-cert.pem", "other-key.pem");
            keytool(d, "-genkeypair", "-alias", "ec", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", "ec.p12",
                    "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
            exportPem(d, "ec.p12", "ec", "ec-cert.pem", "ec-key-pkcs8.pem");
            KeyStore ec = load(d.resolve("ec.p12"));
            writePem(d.resolve("ec-key-sec1.pem"), "EC PRIVATE KEY", sec1((ECPrivateKey) ec.getKey("ec", PASSWORD),
                    (ECPublicKey) ec.getCertificate("ec").getPublicKey()));
            // Last: its presence says the rest is there.
            keytool(d, "-importkeystore", "-srckeystore", "server.p12", "-srcstoretype", "PKCS12", "-srcstorepass",
                    "changeit", "-destkeystore", "server.jks", "-deststoretype", "JKS", "-deststorepass", "changeit",
                    "-destkeypass", "changeit", "-noprompt");
            return d;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test certificates with keytool", e);
        }
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
        return TlsContext.server().loadCertChain(allDir().resolve("other-cert.pem"), allDir().resolve("other-key.pem"));
    }

    static boolean onPath(String tool) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, tool))) {
                return true;
            }
        }
        return false;
    }

    static KeyStore load(Path file) throws Exception {
        return KeyStore.getInstance(file.toFile(), PASSWORD);
    }

    private static void exportPem(Path d, String store, String alias, String certFile, String keyFile) throws Exception {
        KeyStore ks = load(d.resolve(store));
        Certificate cert = ks.getCertificate(alias);
        Key key = ks.getKey(alias, PASSWORD);
        writePem(d.resolve(certFile), "CERTIFICATE", cert.getEncoded());
        writePem(d.resolve(keyFile), "PRIVATE KEY", key.getEncoded());
    }

    static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
    }

    /** RFC 8017's RSAPrivateKey: SEQUENCE { version 0, n, e, d, p, q, dP, dQ, qInv }. */
    private static byte[] pkcs1(RSAPrivateCrtKey k) {
        return der(0x30, concat(integer(BigInteger.ZERO), integer(k.getModulus()), integer(k.getPublicExponent()),
                integer(k.getPrivateExponent()), integer(k.getPrimeP()), integer(k.getPrimeQ()),
                integer(k.getPrimeExponentP()), integer(k.getPrimeExponentQ()), integer(k.getCrtCoefficient())));
    }

    /** RFC 5915's ECPrivateKey, as openssl writes it: version 1, the scalar, [0] the curve (P-256), [1] the point. */
    private static byte[] sec1(ECPrivateKey k, ECPublicKey pub) {
        byte[] prime256v1 = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
        byte[] point = concat(new byte[] {0x00, 0x04}, fixed(pub.getW().getAffineX(), 32), fixed(pub.getW().getAffineY(), 32));
        return der(0x30, concat(integer(BigInteger.ONE), der(0x04, fixed(k.getS(), 32)),
                der(0xa0, der(0x06, prime256v1)), der(0xa1, der(0x03, point))));
    }

    private static byte[] fixed(BigInteger n, int size) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, out, size - copy, copy);
        return out;
    }

    private static byte[] integer(BigInteger n) {
        return der(0x02, n.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed: " + new String(output));
        }
    }
}
