package org.goldbuying.station.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPair;
import java.util.Map;
import org.goldbuying.contracts.Ed25519;

/**
 * The centre's key pair as the station's tests know it: made at start (never committed); the station is configured
 * with its public half, as at installation, and {@link PriceTicks} signs with the private half as the centre does.
 */
public class CentreKeyResource implements QuarkusTestResourceLifecycleManager {
    private static volatile KeyPair pair;

    public static KeyPair pair() {
        return pair;
    }

    @Override
    public Map<String, String> start() {
        pair = Ed25519.generate();
        return Map.of("station.price.centre-public-key", Ed25519.publicKeyText(pair.getPublic()));
    }

    @Override
    public void stop() {
        // nothing was written
    }
}
