package io.aio4j.internal.net;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private keys from PEM text, in the three unencrypted forms tools write: PKCS#8
 * ({@code BEGIN PRIVATE KEY}, what {@code openssl genpkey} and the JDK write), PKCS#1 RSA
 * ({@code BEGIN RSA PRIVATE KEY}) and SEC1 EC ({@code BEGIN EC PRIVATE KEY}, what
 * {@code openssl ecparam -genkey} writes). The JDK reads only PKCS#8, so the other two are
 * wrapped in a PKCS#8 envelope (RFC 5208) first; that takes a few lines of DER, not a library.
 */
public final class PemKeys {
    private static final Pattern PEM_KEY =
            Pattern.compile("-----BEGIN ([A-Z ]*)PRIVATE KEY-----([^-]*)-----END \\1PRIVATE KEY-----");
    /** rsaEncryption, 1.2.840.113549.1.1.1. */
    private static final byte[] RSA_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int OCTET_STRING = 0x04;
    private static final int NULL = 0x05;
    private static final int OID = 0x06;
    private static final int EC_PARAMETERS = 0xa0;

    private PemKeys() {
    }

    /**
     * The first private key in {@code pem}.
     *
     * @throws IllegalArgumentException when there is none, or it is encrypted or of another kind
     */
    public static PrivateKey parse(String pem) throws GeneralSecurityException {
        Matcher m = PEM_KEY.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("no PEM private key found");
        }
        String kind = m.group(1).trim();
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        return switch (kind) {
            case "" -> pkcs8(der, "RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");
            case "RSA" -> pkcs8(sequence(der(INTEGER, new byte[] {0}), sequence(der(OID, RSA_OID), der(NULL, new byte[0])),
                    der(OCTET_STRING, der)), "RSA");
            case "EC" -> pkcs8(sequence(der(INTEGER, new byte[] {0}), sequence(der(OID, EC_OID), der(OID, curveOf(der))),
                    der(OCTET_STRING, der)), "EC");
            case "ENCRYPTED" -> throw new IllegalArgumentException(
                    "encrypted private keys are not supported: decrypt it (openssl pkcs8 -topk8 -nocrypt) or use a KeyStore");
            default -> throw new IllegalArgumentException("unsupported key format '" + kind
                    + " PRIVATE KEY': convert it to PKCS#8 with openssl pkcs8 -topk8 -nocrypt");
        };
    }

    private static PrivateKey pkcs8(byte[] der, String... algorithms) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The named curve of a SEC1 ECPrivateKey: SEQUENCE { version, privateKey, [0] { OID } , [1] … }. */
    private static byte[] curveOf(byte[] sec1) {
        int[] pos = {0};
        byte[] body = read(sec1, pos, SEQUENCE);
        int[] in = {0};
        read(body, in, INTEGER);
        read(body, in, OCTET_STRING);
        while (in[0] < body.length) {
            int tag = body[in[0]] & 0xff;
            byte[] value = read(body, in, tag);
            if (tag == EC_PARAMETERS) {
                return read(value, new int[] {0}, OID);
            }
        }
        throw new IllegalArgumentException("the EC PRIVATE KEY names no curve: convert it to PKCS#8 with openssl pkcs8 -topk8 -nocrypt");
    }

    /** Reads one DER value of {@code tag} at {@code pos[0]}, advancing it; returns the contents. */
    private static byte[] read(byte[] der, int[] pos, int tag) {
        int p = pos[0];
        if (p + 2 > der.length || (der[p] & 0xff) != tag) {
            throw new IllegalArgumentException("malformed private key: expected DER tag " + tag + " at " + p);
        }
        int length = der[p + 1] & 0xff;
        p += 2;
        if (length > 0x80) {
            int octets = length - 0x80;
            if (octets > 3 || p + octets > der.length) {
                throw new IllegalArgumentException("malformed private key: bad DER length at " + (p - 1));
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (der[p++] & 0xff);
            }
        } else if (length == 0x80) {
            throw new IllegalArgumentException("malformed private key: indefinite DER length");
        }
        if (p + length > der.length) {
            throw new IllegalArgumentException("malformed private key: DER value past the end");
        }
        pos[0] = p + length;
        return Arrays.copyOfRange(der, p, p + length);
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return der(SEQUENCE, out.toByteArray());
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
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
