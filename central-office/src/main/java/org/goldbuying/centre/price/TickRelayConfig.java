package org.goldbuying.centre.price;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the stored ticks leave for Kafka (see {@link TickRelay}). */
@ConfigMapping(prefix = "centre.price-relay")
public interface TickRelayConfig {
    /** How often the relay looks for ticks Kafka has not acknowledged. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The longest wait between rounds while Kafka refuses. */
    @WithDefault("PT60S")
    Duration maxBackoff();

    @WithDefault("100")
    int batchSize();
}
