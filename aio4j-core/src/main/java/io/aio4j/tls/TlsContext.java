package io.aio4j.tls;

import io.aio4j.internal.net.PemKeys;
import io.aio4j.internal.net.Resolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
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
 *
 * <p>Where the keys come from, in the Java ways as well as Python's:
 * <pre>{@code
 *   TlsContext.server().loadCertChain(certPem, keyPem)          // PEM: PKCS#8, PKCS#1 RSA or SEC1 EC key
 *   TlsContext.server().loadKeyStore(Path.of("server.p12"), pw)  // a PKCS12 or JKS file (keytool's)
 *   TlsContext.client().loadTrustStore(trustStore)                // trust a KeyStore's certificates
 *   TlsContext.client(existingSslContext)                         // an SSLContext built elsewhere
 * }</pre>
 */
public final class TlsContext {
    private final boolean client;
    private VerifyMode verifyMode;
    private boolean checkHostname;
    private KeyManager[] keyManagers;
    private TrustManager[] trustManagers;
    private List<String> alpn = List.of();
    private SSLContext built;
    /** An SSLContext the user made, used as it is: its managers decide keys and trust. */
    private final SSLContext given;

    private TlsContext(boolean client) {
        this(client, null);
    }

    private TlsContext(boolean client, SSLContext given) {
        this.client = client;
        this.given = given;
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

    /**
     * A client context on an {@link SSLContext} made elsewhere (a framework's, a secrets
     * manager's): its key and trust managers are used as they are, and this context adds the
     * per-connection policy (host-name check, SNI, ALPN). The {@code load…} methods then throw, as
     * does {@code verifyMode(CERT_NONE)}, since trust is the given context's to decide.
     */
    public static TlsContext client(SSLContext context) {
        return new TlsContext(true, Objects.requireNonNull(context, "context"));
    }

    /**
     * A server context on an {@link SSLContext} made elsewhere, whose key managers hold the
     * server's certificate; see {@link #client(SSLContext)}.
     */
    public static TlsContext server(SSLContext context) {
        return new TlsContext(false, Objects.requireNonNull(context, "context"));
    }

    /** Whether this is a client context. */
    public boolean isClient() {
        return client;
    }

    /**
     * Loads this side's certificate chain and private key from PEM files: the key unencrypted, as
     * PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) or SEC1 EC
     * ({@code BEGIN EC PRIVATE KEY}); in {@code certPem} itself when {@code keyPem} is null.
     */
    public TlsContext loadCertChain(Path certPem, Path keyPem) {
        checkOwnManagers();
        try {
            String certText = Files.readString(certPem, StandardCharsets.US_ASCII);
            String keyText = keyPem == null ? certText : Files.readString(keyPem, StandardCharsets.US_ASCII);
            Certificate[] chain = parseCertificates(certText).toArray(Certificate[]::new);
            if (chain.length == 0) {
                throw new IllegalArgumentException("no certificate in " + certPem);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", PemKeys.parse(keyText), new char[0], chain);
            return useKeys(store, new char[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the certificate chain " + certPem + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes this side's certificate chain and private key from {@code store} (a PKCS12 or JKS
     * {@link KeyStore}), whose keys are protected by {@code password}. With several keys the
     * JDK picks one per handshake by key type and the peer's wishes.
     *
     * @throws IllegalArgumentException when a key cannot be recovered with {@code password}
     */
    public TlsContext loadKeyStore(KeyStore store, char[] password) {
        Objects.requireNonNull(store, "store");
        checkOwnManagers();
        try {
            return useKeys(store, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the key store: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #loadKeyStore(KeyStore, char[])} from a key store file (PKCS12 or JKS, told apart by
     * its content, as {@code keytool} writes them); {@code password} opens the file and its keys.
     */
    public TlsContext loadKeyStore(Path file, char[] password) {
        return loadKeyStore(readKeyStore(file, password), password);
    }

    /** Trusts the certificates of {@code store} (instead of the JDK's default roots). */
    public TlsContext loadTrustStore(KeyStore store) {
        Objects.requireNonNull(store, "store");
        checkOwnManagers();
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            trustManagers = tmf.getTrustManagers();
            built = null;
            return this;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the trust store: " + e.getMessage(), e);
        }
    }

    /** {@link #loadTrustStore(KeyStore)} from a file (PKCS12 or JKS); {@code password} may be null for JKS. */
    public TlsContext loadTrustStore(Path file, char[] password) {
        return loadTrustStore(readKeyStore(file, password));
    }

    /** Trusts the CA certificates in {@code caPem} (instead of the JDK's default roots). */
    public TlsContext loadVerifyLocations(Path caPem) {
        checkOwnManagers();
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
        if (mode == VerifyMode.CERT_NONE && client && given != null) {
            throw new IllegalStateException("CERT_NONE cannot apply to a given SSLContext: its TrustManagers decide");
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
        if (given != null) {
            return given;
        }
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

    private TlsContext useKeys(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        keyManagers = kmf.getKeyManagers();
        built = null;
        return this;
    }

    private static KeyStore readKeyStore(Path file, char[] password) {
        Objects.requireNonNull(file, "file");
        try {
            return KeyStore.getInstance(file.toFile(), password);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                throw new IllegalArgumentException("cannot open the key store " + file + ": wrong password", e);
            }
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the key store " + file + ": " + e.getMessage(), e);
        }
    }

    private void checkOwnManagers() {
        if (given != null) {
            throw new IllegalStateException("this TlsContext uses a given SSLContext: configure its KeyManagers "
                    + "and TrustManagers where it is made");
        }
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
