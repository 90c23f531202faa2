package org.goldbuying.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A station's own signing key, read from its PKCS#8 PEM file (readable by the service's user only), made once at
 * installation. Signs with BouncyCastle's RFC 8032 code (about 70 us a signature, off the assay-to-quote path: a
 * purchase is signed when it is paid).
 */
public final class StationSigningKey {
    /** The PKCS#8 prefix of an Ed25519 private key without its public half (RFC 8410); the 32-byte seed follows. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final byte[] seed;
    private final byte[] rawPublicKey;
    private final StationPublicKey publicKey;

    private StationSigningKey(byte[] seed) {
        this.seed = seed;
        this.rawPublicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, rawPublicKey, 0);
        this.publicKey = StationPublicKey.fromRaw(rawPublicKey);
    }

    public static StationSigningKey of(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null
                || encoded.length < PKCS8_PREFIX.length + Ed25519.SECRET_KEY_SIZE
                || !Arrays.equals(encoded, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8");
        }
        return new StationSigningKey(
                Arrays.copyOfRange(encoded, PKCS8_PREFIX.length, PKCS8_PREFIX.length + Ed25519.SECRET_KEY_SIZE));
    }

    /**
     * The key in {@code file}, made there first (readable by its owner only) when the file does not exist: a station
     * is installed with its key made on the spot, never copied from elsewhere.
     */
    public static StationSigningKey readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            KeyPair pair = org.goldbuying.contracts.Ed25519.generate();
            org.goldbuying.contracts.Ed25519.writePrivateKey(file, pair.getPrivate());
        }
        return of(org.goldbuying.contracts.Ed25519.readPrivateKey(file));
    }

    public StationPublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return publicKey.keyId();
    }

    /** The signature of the bytes, base64. */
    public String sign(byte[] data) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, rawPublicKey, 0, data, 0, data.length, signature, 0);
        return Base64.getEncoder().encodeToString(signature);
    }

    @Override
    public String toString() {
        return "station signing key " + keyId();
    }
}
