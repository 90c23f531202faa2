package org.goldbuying.station.pricing;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What the station trusts the official price from. */
@ConfigMapping(prefix = "station.price")
public interface PriceConfig {
    /**
     * The centre's public key (Ed25519, base64 X.509), configured at installation: a tick it did not sign is refused.
     * Without one every tick is refused (production does not start without it: StationMain).
     */
    Optional<String> centrePublicKey();
}
