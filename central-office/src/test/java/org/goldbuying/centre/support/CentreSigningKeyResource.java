package org.goldbuying.centre.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.goldbuying.contracts.Ed25519;

/** The centre's signing key for the tests: made at start (never committed), owner-only, under target/. */
public class CentreSigningKeyResource implements QuarkusTestResourceLifecycleManager {
    private static volatile KeyPair pair;

    public static KeyPair pair() {
        return pair;
    }

    @Override
    public Map<String, String> start() {
        pair = Ed25519.generate();
        Path file = Path.of("target", "keys", "centre-signing.pem").toAbsolutePath();
        try {
            Ed25519.writePrivateKey(file, pair.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "centre.signing.private-key-file", file.toString(),
                "centre.signing.public-key", Ed25519.publicKeyText(pair.getPublic()));
    }

    @Override
    public void stop() {
        // the file stays under target/ with the rest of the build
    }
}
