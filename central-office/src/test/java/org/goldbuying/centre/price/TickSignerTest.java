package org.goldbuying.centre.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.TickSignature;
import org.junit.jupiter.api.Test;

class TickSignerTest {
    static TickSigner.SigningConfig config(Path privateKey, String publicKey) {
        return new TickSigner.SigningConfig() {
            @Override
            public Optional<Path> privateKeyFile() {
                return Optional.ofNullable(privateKey);
            }

            @Override
            public Optional<String> publicKey() {
                return Optional.ofNullable(publicKey);
            }
        };
    }

    @Test
    void aPublicKeyThatIsNotThePrivateKeysOwnIsRefusedAtOnce() throws Exception {
        KeyPair centre = Ed25519.generate();
        Path file = Path.of("target", "keys", "tick-signer-test.pem");
        Ed25519.writePrivateKey(file, centre.getPrivate());

        TickSigner signer = new TickSigner(config(file, Ed25519.publicKeyText(centre.getPublic())));
        assertThat(TickSignature.verify(centre.getPublic(), "{\"sequence\":1}", signer.sign("{\"sequence\":1}")))
                .isTrue();
        String other = Ed25519.publicKeyText(Ed25519.generate().getPublic());
        assertThatThrownBy(() -> new TickSigner(config(file, other)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the public half of the key in CENTRE_SIGNING_KEY_FILE");
        assertThatThrownBy(() -> new TickSigner(config(null, null)).sign("{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CENTRE_SIGNING_KEY_FILE");
    }
}
