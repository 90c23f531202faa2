package org.goldbuying.centre.seller;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the register's records leave for Kafka ({@link SellerRecordRelay}), and how often blocks are checked. */
@ConfigMapping(prefix = "centre.seller-relay")
public interface SellerRegisterConfig {
    /** How often the relay looks for records Kafka has not acknowledged. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The longest wait between rounds while Kafka refuses. */
    @WithDefault("PT60S")
    Duration maxBackoff();

    @WithDefault("500")
    int batchSize();

    /** How often purchases paid to a seller blocked at the time are looked for ({@link BlockedSellerWatch}). */
    @WithDefault("60s")
    Duration blockedSellerCheckInterval();
}
