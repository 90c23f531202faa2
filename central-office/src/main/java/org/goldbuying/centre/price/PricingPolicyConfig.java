package org.goldbuying.centre.price;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * The currency, the guards on the feed and the publication timing, from configuration. The FX rate and policy
 * values here only seed version 1 of the pricing policy on a fresh install; after that the policy is changed with
 * four-eyes approval (policy/PolicyService) and these values are no longer read.
 */
@ConfigMapping(prefix = "centre.pricing")
public interface PricingPolicyConfig {
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

    /** How long a published tick stays valid. */
    Duration tickValidity();

    /** A feed value older than this is stale and never published. */
    Duration maxFeedAge();

    /** A move larger than this from the last accepted value is held, not published. */
    BigDecimal maxMovePercent();

    Duration publishInterval();
}
