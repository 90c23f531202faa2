package org.goldbuying.centre.station;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "centre.stations")
public interface StationsConfig {
    /** A station silent for longer than this (and than three of its own heartbeat intervals) is offline. */
    Duration offlineAfter();

    /** A balance whose verification expires within this many days is flagged for operations. */
    int verificationWarningDays();
}
