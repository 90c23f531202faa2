package org.goldbuying.station.identity;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.goldbuying.contracts.StationPublicKey;
import org.goldbuying.contracts.StationSigningKey;
import org.goldbuying.station.StationConfig;
import org.jboss.logging.Logger;

/**
 * The station's Ed25519 key, which signs every purchase it sends. Made once, at installation (the file is created,
 * readable by the service's user only, when it does not exist yet); the centre counts a purchase only when this key is
 * registered there for this station (docs/architecture.md, "Keys and trust"). The private key never leaves the file.
 */
@Startup
@ApplicationScoped
public class StationIdentity {
    private static final Logger LOG = Logger.getLogger(StationIdentity.class);

    private final StationConfig station;
    private final StationSigningKey key;

    public StationIdentity(StationConfig station) {
        this.station = station;
        try {
            this.key = StationSigningKey.readOrCreate(station.signingKeyFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read or make the station's signing key " + station.signingKeyFile(), e);
        }
        LOG.infof(
                "Station %s signs its purchases with key %s; public key (register it at the centre): %s",
                station.id(), key.keyId(), key.publicKey().text());
    }

    public StationSigningKey signingKey() {
        return key;
    }

    public StationPublicKey publicKey() {
        return key.publicKey();
    }

    public String stationId() {
        return station.id();
    }

    public String region() {
        return station.region();
    }
}
