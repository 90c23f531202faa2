package org.goldbuying.station.outbox;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "station.outbox")
public interface OutboxConfig {
    /** How often the relay looks for unsent events. */
    Duration pollInterval();

    /** Events sent per round; all are acknowledged by Kafka before any is marked sent. */
    int batchSize();

    /** Upper bound of the exponential backoff while Kafka is unreachable. */
    Duration maxBackoff();
}
