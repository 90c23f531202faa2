package org.goldbuying.station.heartbeat;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "station.heartbeat")
public interface HeartbeatConfig {
    /** How often the station tells the centre it is alive; the centre's offline alert waits several of these. */
    Duration interval();
}
