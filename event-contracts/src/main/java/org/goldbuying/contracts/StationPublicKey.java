package org.goldbuying.contracts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A station's Ed25519 public key as the centre registers it and anyone may check a receipt with it: the text form is
 * base64 of its X.509 encoding (as {@link org.goldbuying.contracts.Ed25519#publicKeyText} writes it), the key id the
 * first 8 bytes, hex, of that encoding's SHA-256. Verifies with BouncyCastle's RFC 8032 code on a point decoded once:
 * about ten times the JDK 17 provider's speed (docs/performance.md), which is what lets the centre check every
 * purchase it ingests.
 */
public final class StationPublicKey {
    /** The X.509 SubjectPublicKeyInfo prefix of every Ed25519 key (RFC 8410); the raw 32 bytes follow it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String text;
    private final String keyId;
    private final Ed25519.PublicPoint point;

    private StationPublicKey(String text, byte[] encoded) {
        this.text = text;
        this.keyId = keyId(encoded);
        byte[] raw = Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
        this.point = Ed25519.validatePublicKeyFullExport(raw, 0);
        if (point == null) {
            throw new IllegalArgumentException("not a valid Ed25519 public key: the point is not on the curve");
        }
    }

    /** @throws IllegalArgumentException when the text is not an Ed25519 public key, saying why */
    public static StationPublicKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no public key given");
        }
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key is not base64: " + e.getMessage(), e);
        }
        if (encoded.length != X509_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException(
                    "not an Ed25519 public key: expected base64 of its 44-byte X.509 encoding, got " + encoded.length
                            + " bytes");
        }
        return new StationPublicKey(Base64.getEncoder().encodeToString(encoded), encoded);
    }

    public static StationPublicKey of(PublicKey key) {
        return parse(org.goldbuying.contracts.Ed25519.publicKeyText(key));
    }

    static StationPublicKey fromRaw(byte[] raw) {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return new StationPublicKey(Base64.getEncoder().encodeToString(encoded), encoded);
    }

    static String keyId(byte[] x509Encoded) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(x509Encoded);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** Base64 of the X.509 encoding: what is registered, published and configured. */
    public String text() {
        return text;
    }

    public String keyId() {
        return keyId;
    }

    /** Whether {@code signature} (base64) is this key's signature of the bytes; false for anything malformed. */
    public boolean verifies(byte[] data, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // one text per signature: base64 decoders ignore the unused bits before "==", and a second spelling of the
        // same signature would make a second message look like the first
        return sig.length == Ed25519.SIGNATURE_SIZE
                && Base64.getEncoder().encodeToString(sig).equals(signature)
                && Ed25519.verify(sig, 0, point, data, 0, data.length);
    }

    @Override
    public String toString() {
        return "Ed25519 key " + keyId;
    }
}
