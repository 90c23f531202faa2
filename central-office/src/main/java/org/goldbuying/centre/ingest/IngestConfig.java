package org.goldbuying.centre.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "centre.ingest")
public interface IngestConfig {
    /** Any station: for the tests of the unsigned contract only (production refuses it, CentreMain). */
    String ANY_STATION = "*";

    /**
     * Stations still allowed to send unsigned purchases (purchase-event/1) while they have no registered key, during
     * their move to signed purchases. None by default: a purchase from a station nobody registered never counts.
     */
    Optional<Set<String>> unsignedStations();

    /**
     * How often purchases refused for a key not yet approved are looked for once it is (UnregisteredKeyReadmission).
     */
    @WithDefault("10s")
    Duration readmissionInterval();

    /** How often the reserve is searched for positions missing from a station's sequence (MissingPurchaseWatch). */
    @WithDefault("60s")
    Duration missingCheckInterval();

    /**
     * How long a missing position may stay empty after the purchase above it arrived before it is an incident: a
     * station's messages arrive in order, so a short wait only covers a purchase refused and readmitted meanwhile.
     */
    @WithDefault("10m")
    Duration missingAfter();

    /** Whether an unsigned purchase from this station (which has no registered key) may count. */
    default boolean unsignedAllowed(String stationId) {
        return unsignedStations()
                .map(stations -> stations.contains(ANY_STATION) || stations.contains(stationId))
                .orElse(false);
    }
}
