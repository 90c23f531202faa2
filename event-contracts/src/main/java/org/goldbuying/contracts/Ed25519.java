package org.goldbuying.contracts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * Ed25519 keys and signatures as the programme exchanges them: public keys as base64 of their X.509
 * SubjectPublicKeyInfo (one line, easy to put in a variable), private keys as PKCS#8 PEM files, signatures as base64.
 * The JDK's own provider: a tick is signed and verified once per publication, so its speed is no concern here.
 */
public final class Ed25519 {
    private static final String ALGORITHM = "Ed25519";
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private Ed25519() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    public static String publicKeyText(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** @throws IllegalArgumentException when the text is not an Ed25519 public key, saying why */
    public static PublicKey publicKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text.strip())));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (base64 of its X.509 encoding): " + e, e);
        }
    }

    public static String privateKeyPem(PrivateKey key) {
        return PEM_BEGIN + "\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded()) + "\n" + PEM_END + "\n";
    }

    /** @throws IllegalArgumentException when the text is not a PKCS#8 PEM Ed25519 private key, saying why */
    public static PrivateKey privateKeyFromPem(String pem) {
        String body = pem.replace(PEM_BEGIN, "").replace(PEM_END, "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 PEM: " + e, e);
        }
    }

    /**
     * Writes the private key as a PEM file only its owner can read or write (created so, never readable by others
     * even for a moment).
     */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, privateKeyPem(key), StandardCharsets.US_ASCII);
    }

    /**
     * Reads a private key file, refusing one that anyone but its owner may read: a signing key others can read is no
     * proof of who signed.
     */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            throw new IllegalStateException(file + " may be read by others ("
                    + PosixFilePermissions.toString(permissions) + "): make it readable by its owner only (chmod 600)");
        }
        return privateKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** The signature of the bytes, base64. */
    public static String sign(PrivateKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(data);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with this key", e);
        }
    }

    /** Whether {@code signature} (base64) is the key's signature of the bytes; false for anything malformed. */
    public static boolean verify(PublicKey key, byte[] data, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(Base64.getDecoder().decode(signature.strip()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
