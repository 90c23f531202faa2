package org.goldbuying.station;

import io.smallrye.config.ConfigMapping;

/** Who this station is: the id that keys its purchases on the way to the centre, and its region. */
@ConfigMapping(prefix = "station")
public interface StationConfig {
    String id();

    String region();
}
