package org.goldbuying.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class TickSignatureTest {
    static final String TICK = "{\"sequence\":7,\"status\":\"ACTIVE\",\"spotUsdPerTroyOunce\":\"2650.00\"}";

    @Test
    void onlyTheCentresSignatureOfTheseExactBytesVerifies() {
        KeyPair centre = Ed25519.generate();
        KeyPair other = Ed25519.generate();
        String signature = TickSignature.sign(centre.getPrivate(), TICK);
        assertThat(TickSignature.verify(centre.getPublic(), TICK, signature)).isTrue();
        assertThat(TickSignature.verify(centre.getPublic(), TICK.replace("2650.00", "2950.00"), signature))
                .isFalse();
        assertThat(TickSignature.verify(centre.getPublic(), TICK, TickSignature.sign(other.getPrivate(), TICK)))
                .isFalse();
        assertThat(TickSignature.verify(centre.getPublic(), TICK, null)).isFalse();
        assertThat(TickSignature.verify(centre.getPublic(), TICK, "not base64 !"))
                .isFalse();
    }

    @Test
    void keysTravelAsTextAndComeBackTheSame() {
        KeyPair pair = Ed25519.generate();
        String signature =
                TickSignature.sign(Ed25519.privateKeyFromPem(Ed25519.privateKeyPem(pair.getPrivate())), TICK);
        assertThat(TickSignature.verify(Ed25519.publicKey(Ed25519.publicKeyText(pair.getPublic())), TICK, signature))
                .isTrue();
        assertThatThrownBy(() -> Ed25519.publicKey("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an Ed25519 public key");
        assertThatThrownBy(
                        () -> Ed25519.privateKeyFromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an Ed25519 private key");
    }

    @Test
    void aPrivateKeyFileIsTheOwnersOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        KeyPair pair = Ed25519.generate();
        java.nio.file.Path file = dir.resolve("keys").resolve("centre.pem");
        Ed25519.writePrivateKey(file, pair.getPrivate());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(TickSignature.verify(pair.getPublic(), TICK, TickSignature.sign(Ed25519.readPrivateKey(file), TICK)))
                .isTrue();
        java.nio.file.Files.setPosixFilePermissions(
                file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> Ed25519.readPrivateKey(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chmod 600");
    }
}
