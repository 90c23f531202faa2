package org.goldbuying.station.lot;

import java.time.Instant;
import java.util.Map;

/** One stored shot as the API shows it; decimals as strings, percentages for every element. */
public record ShotView(
        String shotId,
        String analyserModel,
        String analyserSerial,
        Instant measuredAt,
        String measurementSeconds,
        String source,
        String receivedVia,
        String enteredBy,
        Map<String, Reading> readings,
        boolean discarded,
        String discardedReason) {

    /** An element's percentage and sigma (strings), or below detection. */
    public record Reading(String percent, String sigma, boolean belowDetection) {}
}
