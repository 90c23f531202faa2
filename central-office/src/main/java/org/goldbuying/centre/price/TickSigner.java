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

    private static final String MISSING =
            "no signing key (centre.signing.private-key-file, CENTRE_SIGNING_KEY_FILE): ticks are not sent";

    private final Optional<PrivateKey> key;
    private final Optional<PublicKey> publicKey;

    public TickSigner(SigningConfig config) {
        this.key = config.privateKeyFile().map(TickSigner::read);
        this.publicKey = config.publicKey().filter(k -> !k.isBlank()).map(Ed25519::publicKey);
        // the two halves are configured apart: a public key that is not the private key's own would have every station
        // refuse every tick, so the pair is checked once here
        if (key.isPresent() && publicKey.isPresent()) {
            String probe = "centre signing key check";
            if (!TickSignature.verify(publicKey.get(), probe, TickSignature.sign(key.get(), probe))) {
                throw new IllegalStateException("CENTRE_SIGNING_PUBLIC_KEY is not the public half of the key in "
                        + "CENTRE_SIGNING_KEY_FILE: stations would refuse every tick");
            }
        }
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
        return TickSignature.sign(key.orElseThrow(() -> new IllegalStateException(MISSING)), tickJson);
    }

    /** The public key stations verify ticks with, as they configure it; empty when not configured. */
    public Optional<String> publicKeyText() {
        return publicKey.map(Ed25519::publicKeyText);
    }
}
