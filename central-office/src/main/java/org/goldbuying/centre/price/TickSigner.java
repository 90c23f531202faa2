package org.goldbuying.centre.price;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.TickSignature;

/**
 * Signs every tick the centre sends with its Ed25519 key (a PEM file only the service's user may read, made at
 * installation; never in the repository). Stations refuse a tick this key did not sign. Without a key nothing is
 * sent: the relay keeps the ticks and says why (production does not start without one: CentreMain).
 */
@ApplicationScoped
public class TickSigner {

    /** Where the centre's signing key is. */
    @ConfigMapping(prefix = "centre.signing")
    public interface SigningConfig {
        /** PKCS#8 PEM, mode 600; its public half is published at GET /api/price/signing-key. */
        Optional<Path> privateKeyFile();

        /** The public half, as stations configure it (base64 X.509); shown, never used to sign. */
        Optional<String> publicKey();
    }

    private final Optional<PrivateKey> key;
    private final Optional<PublicKey> publicKey;
    private final String missing;

    public TickSigner(SigningConfig config) {
        this.key = config.privateKeyFile().map(TickSigner::read);
        this.publicKey = config.publicKey().filter(k -> !k.isBlank()).map(Ed25519::publicKey);
        this.missing = "no signing key (centre.signing.private-key-file, CENTRE_SIGNING_KEY_FILE): ticks are not sent";
    }

    private static PrivateKey read(Path file) {
        try {
            return Ed25519.readPrivateKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the centre's signing key " + file, e);
        }
    }

    /** The tick's signature for {@link TickSignature#HEADER}. */
    public String sign(String tickJson) {
        return TickSignature.sign(key.orElseThrow(() -> new IllegalStateException(missing)), tickJson);
    }

    /** The public key stations verify ticks with, as they configure it; empty when not configured. */
    public Optional<String> publicKeyText() {
        return publicKey.map(Ed25519::publicKeyText);
    }
}
