package org.goldbuying.centre.display;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the public price display shows. */
@ConfigMapping(prefix = "centre.display")
public interface DisplayConfig {
    /** Purities shown besides fine gold, per mille with an optional trade name. */
    @WithDefault("999,916:22k,750:18k")
    List<String> purities();

    /** Local units of mass, name:grams, e.g. castellano:4.6,tomin:0.575. None when unset. */
    Optional<List<String>> localUnits();

    /** Time zone for the time of the last update, e.g. Africa/Kampala. */
    @WithDefault("UTC")
    String timeZone();

    /** How often every open display is refreshed, so a price that ages out turns STALE on screen. */
    @WithDefault("PT15S")
    Duration refreshInterval();
}
