package org.goldbuying.centre.price;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * The official FX rate, the pricing policy and the guards on the feed. Until the four-eyes policy workflow exists
 * these come from configuration; every tick carries the values it was published with.
 */
@ConfigMapping(prefix = "centre.pricing")
public interface PricingPolicyConfig {
    String currency();

    int currencyExponent();

    BigDecimal fxLocalPerUsd();

    BigDecimal discountPercent();

    BigDecimal royaltyPercent();

    BigDecimal feesPercent();

    BigDecimal advancePercent();

    /** Stations refuse to quote from a tick older than this. */
    Duration maxTickAge();

    Duration quoteLock();

    /** How long a published tick stays valid. */
    Duration tickValidity();

    /** A feed value older than this is stale and never published. */
    Duration maxFeedAge();

    /** A move larger than this from the last accepted value is held, not published. */
    BigDecimal maxMovePercent();

    Duration publishInterval();
}
