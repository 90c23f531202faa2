package org.goldbuying.centre.feed;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "centre.feed")
public interface FeedConfig {
    Simulated simulated();

    /** A random walk around a base price, for the local run and tests. Labelled simulated wherever it shows. */
    interface Simulated {
        @WithDefault("2650.00")
        BigDecimal baseUsdPerTroyOunce();

        /** Largest step of the walk, in percent of the current value. */
        @WithDefault("0.2")
        BigDecimal maxStepPercent();

        @WithDefault("PT10S")
        Duration stepInterval();
    }
}
