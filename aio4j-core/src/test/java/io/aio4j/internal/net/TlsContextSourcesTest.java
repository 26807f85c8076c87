package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import io.aio4j.tls.TlsContext;
import io.aio4j.tls.VerifyMode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way to give a {@link TlsContext} its keys and trust serves a real handshake: PEM keys as
 * PKCS#8, PKCS#1 RSA and SEC1 EC, PKCS12 and JKS key stores (files and objects), and an
 * {@link SSLContext} made elsewhere. Certificates come from keytool ({@link TestCerts}).
 */
@Timeout(60)
class TlsContextSourcesTest {

    @Test
    void pemKeysInEachFormServeAHandshake() {
        Path d = TestCerts.allDir();
        TlsContext trustRsa = TlsContext.client().loadVerifyLocations(d.resolve("cert.pem"));
        TlsContext trustEc = TlsContext.client().loadVerifyLocations(d.resolve("ec-cert.pem"));
        assertEquals("ping", roundTrip(TlsContext.server().loadCertChain(d.resolve("cert.pem"), d.resolve("key.pem")), trustRsa));
        assertEquals("ping", roundTrip(TlsContext.server().loadCertChain(d.resolve("cert.pem"), d.resolve("key-pkcs1.pem")), trustRsa));
        assertEquals("ping", roundTrip(TlsContext.server().loadCertChain(d.resolve("ec-cert.pem"), d.resolve("ec-key-sec1.pem")), trustEc));
        assertEquals("ping", roundTrip(TlsContext.server().loadCertChain(d.resolve("ec-cert.pem"), d.resolve("ec-key-pkcs8.pem")), trustEc));
    }

    @Test
    void pkcs1AndSec1KeysAreTheSameKeysAsTheirPkcs8Forms() throws Exception {
        Path d = TestCerts.allDir();
        assertEquals(PemKeys.parse(Files.readString(d.resolve("key.pem"))), PemKeys.parse(Files.readString(d.resolve("key-pkcs1.pem"))));
        PrivateKey sec1 = PemKeys.parse(Files.readString(d.resolve("ec-key-sec1.pem")));
        PrivateKey pkcs8 = PemKeys.parse(Files.readString(d.resolve("ec-key-pkcs8.pem")));
        assertEquals("EC", sec1.getAlgorithm());
        assertEquals(((java.security.interfaces.ECPrivateKey) pkcs8).getS(), ((java.security.interfaces.ECPrivateKey) sec1).getS());
    }

    @Test
    void keyStoresServeAHandshakeAndTrustTheirCertificates() throws Exception {
        Path d = TestCerts.allDir();
        TlsContext trust = TlsContext.client().loadTrustStore(d.resolve("server.p12"), TestCerts.PASSWORD);
        assertEquals("ping", roundTrip(TlsContext.server().loadKeyStore(d.resolve("server.p12"), TestCerts.PASSWORD), trust));
        assertEquals("ping", roundTrip(TlsContext.server().loadKeyStore(d.resolve("server.jks"), TestCerts.PASSWORD),
                TlsContext.client().loadTrustStore(d.resolve("server.jks"), TestCerts.PASSWORD)));
        KeyStore store = TestCerts.load(d.resolve("server.p12"));
        assertEquals("ping", roundTrip(TlsContext.server().loadKeyStore(store, TestCerts.PASSWORD),
                TlsContext.client().loadTrustStore(store)));
    }

    @Test
    void aGivenSslContextIsUsedAsItIs() throws Exception {
        Path d = TestCerts.allDir();
        KeyStore store = TestCerts.load(d.resolve("server.p12"));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, TestCerts.PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext serverSide = SSLContext.getInstance("TLS");
        serverSide.init(kmf.getKeyManagers(), null, null);
        SSLContext clientSide = SSLContext.getInstance("TLS");
        clientSide.init(null, tmf.getTrustManagers(), null);
        TlsContext server = TlsContext.server(serverSide);
        TlsContext client = TlsContext.client(clientSide);
        assertTrue(client.isClient());
        assertEquals(serverSide, server.sslContext());
        assertEquals("ping", roundTrip(server, client));
        // The host name is still checked against the certificate (localhost, 127.0.0.1).
        assertEquals(VerifyMode.CERT_REQUIRED, client.verifyMode());
        assertTrue(client.checkHostname());
    }

    @Test
    void aGivenSslContextRefusesWhatItCannotHonour() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, null, null);
        TlsContext client = TlsContext.client(ctx);
        Path d = TestCerts.allDir();
        assertThrows(IllegalStateException.class, () -> client.loadVerifyLocations(d.resolve("cert.pem")));
        assertThrows(IllegalStateException.class, () -> TlsContext.server(ctx).loadCertChain(d.resolve("cert.pem"), d.resolve("key.pem")));
        assertThrows(IllegalStateException.class, () -> client.loadTrustStore(TestCerts.load(d.resolve("server.p12"))));
        client.checkHostname(false);
        assertThrows(IllegalStateException.class, () -> client.verifyMode(VerifyMode.CERT_NONE));
        assertThrows(NullPointerException.class, () -> TlsContext.client((SSLContext) null));
    }

    @Test
    void aWrongPasswordOrAnUnknownKeyFormatIsAClearError(@TempDir Path tmp) throws Exception {
        Path d = TestCerts.allDir();
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> TlsContext.server().loadKeyStore(d.resolve("server.p12"), "nope".toCharArray()));
        assertTrue(wrong.getMessage().contains("server.p12"), wrong.getMessage());
        Path dsa = tmp.resolve("dsa.pem");
        TestCerts.writePem(dsa, "DSA PRIVATE KEY", new byte[] {0x30, 0x00});
        IllegalArgumentException format = assertThrows(IllegalArgumentException.class,
                () -> TlsContext.server().loadCertChain(d.resolve("cert.pem"), dsa));
        assertTrue(format.getMessage().contains("unsupported key format 'DSA PRIVATE KEY'"), format.getMessage());
        Path encrypted = tmp.resolve("enc.pem");
        TestCerts.writePem(encrypted, "ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x00});
        IllegalArgumentException enc = assertThrows(IllegalArgumentException.class,
                () -> TlsContext.server().loadCertChain(d.resolve("cert.pem"), encrypted));
        assertTrue(enc.getMessage().startsWith("encrypted private keys are not supported"), enc.getMessage());
    }

    /** Interop: keys written by openssl itself in its traditional forms (skipped without openssl). */
    @Test
    void opensslTraditionalKeysParseToTheSameKeyAsTheirPkcs8(@TempDir Path tmp) throws Exception {
        assumeTrue(TestCerts.onPath("openssl"), "skipped: openssl is not installed (interop check only)");
        openssl(tmp, "genrsa", "-traditional", "-out", "rsa1.pem", "2048");
        openssl(tmp, "pkcs8", "-topk8", "-nocrypt", "-in", "rsa1.pem", "-out", "rsa8.pem");
        openssl(tmp, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec1.pem");
        openssl(tmp, "pkcs8", "-topk8", "-nocrypt", "-in", "ec1.pem", "-out", "ec8.pem");
        assertTrue(Files.readString(tmp.resolve("rsa1.pem")).contains("BEGIN RSA PRIVATE KEY"));
        assertTrue(Files.readString(tmp.resolve("ec1.pem")).contains("BEGIN EC PRIVATE KEY"));
        assertEquals(PemKeys.parse(Files.readString(tmp.resolve("rsa8.pem"))), PemKeys.parse(Files.readString(tmp.resolve("rsa1.pem"))));
        assertEquals(((java.security.interfaces.ECPrivateKey) PemKeys.parse(Files.readString(tmp.resolve("ec8.pem")))).getS(),
                ((java.security.interfaces.ECPrivateKey) PemKeys.parse(Files.readString(tmp.resolve("ec1.pem")))).getS());
    }

    private static void openssl(Path dir, String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, () -> String.join(" ", cmd) + ": " + new String(out));
    }

    /** A line echoed through a TLS server with {@code server} and a client with {@code client}, to "localhost". */
    private static String roundTrip(TlsContext server, TlsContext client) {
        return Aio.run(() -> {
            Server s = Streams.startServer((r, w) -> {
                w.write(r.readLine());
                w.close();
            }, "127.0.0.1", 0, ServerOptions.defaults().tls(server));
            int port = ((InetSocketAddress) s.sockets().get(0)).getPort();
            try (StreamPair c = Streams.openConnection("localhost", port, ConnectOptions.defaults().tls(client))) {
                c.writer().write("ping\n".getBytes());
                return new String(c.reader().readLine()).trim();
            } finally {
                s.close();
            }
        });
    }
}
