package io.aio4j.tls;

import io.aio4j.internal.net.Resolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Python's {@code ssl.SSLContext} on the JDK's {@link SSLContext}: certificates, trust and
 * verification policy shared by many TLS connections. {@link #client()} verifies the server's
 * certificate and host name against the JDK's trusted roots; {@link #server()} needs a
 * certificate chain ({@link #loadCertChain}). Configure it before the first connection uses it.
 */
public final class TlsContext {
    private static final Pattern PEM_KEY =
            Pattern.compile("-----BEGIN ([A-Z ]*)PRIVATE KEY-----([^-]*)-----END \\1PRIVATE KEY-----");

    private final boolean client;
    private VerifyMode verifyMode;
    private boolean checkHostname;
    private KeyManager[] keyManagers;
    private TrustManager[] trustManagers;
    private List<String> alpn = List.of();
    private SSLContext built;

    private TlsContext(boolean client) {
        this.client = client;
        this.verifyMode = client ? VerifyMode.CERT_REQUIRED : VerifyMode.CERT_NONE;
        this.checkHostname = client;
    }

    /** A client context ({@code ssl.PROTOCOL_TLS_CLIENT}): verifies the server's certificate and name. */
    public static TlsContext client() {
        return new TlsContext(true);
    }

    /** A server context ({@code ssl.PROTOCOL_TLS_SERVER}): no client certificates unless {@link #verifyMode} says so. */
    public static TlsContext server() {
        return new TlsContext(false);
    }

    /** Whether this is a client context. */
    public boolean isClient() {
        return client;
    }

    /** Loads this side's certificate chain and private key (PEM; the key unencrypted PKCS#8, or in {@code certPem} when {@code keyPem} is null). */
    public TlsContext loadCertChain(Path certPem, Path keyPem) {
        try {
            String certText = Files.readString(certPem, StandardCharsets.US_ASCII);
            String keyText = keyPem == null ? certText : Files.readString(keyPem, StandardCharsets.US_ASCII);
            Certificate[] chain = parseCertificates(certText).toArray(Certificate[]::new);
            if (chain.length == 0) {
                throw new IllegalArgumentException("no certificate in " + certPem);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", parseKey(keyText), new char[0], chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, new char[0]);
            keyManagers = kmf.getKeyManagers();
            built = null;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the certificate chain " + certPem + ": " + e.getMessage(), e);
        }
    }

    /** Trusts the CA certificates in {@code caPem} (instead of the JDK's default roots). */
    public TlsContext loadVerifyLocations(Path caPem) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : parseCertificates(Files.readString(caPem, StandardCharsets.US_ASCII))) {
                store.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            trustManagers = tmf.getTrustManagers();
            built = null;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the CA certificates " + caPem + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets whether the peer's certificate is requested and checked.
     *
     * @throws IllegalArgumentException {@code CERT_NONE} while {@link #checkHostname()} is on
     */
    public TlsContext verifyMode(VerifyMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (mode == VerifyMode.CERT_NONE && checkHostname) {
            throw new IllegalArgumentException("Cannot set verifyMode to CERT_NONE when checkHostname is enabled.");
        }
        verifyMode = mode;
        built = null;
        return this;
    }

    /** The verification mode. */
    public VerifyMode verifyMode() {
        return verifyMode;
    }

    /** Sets whether a client checks that the server's certificate matches the host name (on for {@link #client()}). */
    public TlsContext checkHostname(boolean on) {
        if (on && verifyMode == VerifyMode.CERT_NONE) {
            verifyMode = VerifyMode.CERT_REQUIRED;
        }
        checkHostname = on;
        return this;
    }

    /** Whether host names are checked. */
    public boolean checkHostname() {
        return checkHostname;
    }

    /** The ALPN protocols to offer (client) or accept (server), in order of preference. */
    public TlsContext alpnProtocols(String... protocols) {
        alpn = List.of(protocols);
        return this;
    }

    /** The JDK context behind this one, built on first use. */
    public synchronized SSLContext sslContext() {
        if (built == null) {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                TrustManager[] tms = client && verifyMode == VerifyMode.CERT_NONE
                        ? new TrustManager[] {new TrustAll()} : trustManagers;
                ctx.init(keyManagers, tms, null);
                built = ctx;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot initialise TLS: " + e.getMessage(), e);
            }
        }
        return built;
    }

    /**
     * A new engine for one connection: client or server mode, SNI and host-name verification
     * for {@code peerHost} (a client's name of the server; ignored by servers), ALPN, client
     * authentication as {@link #verifyMode()} says.
     */
    public SSLEngine newEngine(boolean serverSide, String peerHost, int peerPort) {
        SSLEngine engine = peerHost == null ? sslContext().createSSLEngine()
                : sslContext().createSSLEngine(peerHost, peerPort);
        engine.setUseClientMode(!serverSide);
        SSLParameters params = engine.getSSLParameters();
        if (serverSide) {
            params.setNeedClientAuth(verifyMode == VerifyMode.CERT_REQUIRED);
            if (verifyMode == VerifyMode.CERT_OPTIONAL) {
                params.setWantClientAuth(true);
            }
        } else {
            if (checkHostname) {
                params.setEndpointIdentificationAlgorithm("HTTPS");
            }
            if (peerHost != null && !Resolver.isLiteral(peerHost)) {
                params.setServerNames(List.of(new SNIHostName(peerHost)));
            }
        }
        if (!alpn.isEmpty()) {
            params.setApplicationProtocols(alpn.toArray(String[]::new));
        }
        engine.setSSLParameters(params);
        return engine;
    }

    @Override
    public String toString() {
        return "<TlsContext " + (client ? "client" : "server") + " verifyMode=" + verifyMode
                + " checkHostname=" + checkHostname + ">";
    }

    private static List<? extends Certificate> parseCertificates(String pem) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        return List.copyOf(cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    }

    private static PrivateKey parseKey(String pem) throws GeneralSecurityException {
        Matcher m = PEM_KEY.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("no PEM private key found");
        }
        if (!m.group(1).isEmpty()) {
            throw new IllegalArgumentException("unsupported key format '" + m.group(1).trim()
                    + " PRIVATE KEY': convert it to PKCS#8 with openssl pkcs8 -topk8 -nocrypt");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** A client's trust for {@code CERT_NONE}: every server certificate is accepted. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
