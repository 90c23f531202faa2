package org.goldbuying.centre.policy;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The currency the policy's FX rate is in, and the seed of version 1 of the pricing policy on a fresh install.
 * After that the policy is changed with four-eyes approval ({@link PolicyService}) and the seed values are no
 * longer read. The feed's guards and the publication timing share the prefix (price/PublicationConfig).
 */
@ConfigMapping(prefix = "centre.pricing")
public interface PolicyConfig {
    String currency();

    int currencyExponent();

    /** Seed of version 1 of the policy, as are the next six. */
    BigDecimal fxLocalPerUsd();

    BigDecimal discountPercent();

    BigDecimal royaltyPercent();

    BigDecimal feesPercent();

    BigDecimal advancePercent();

    /** Stations refuse to quote from a tick older than this. */
    Duration maxTickAge();

    Duration quoteLock();
}
