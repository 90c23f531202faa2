package org.goldbuying.centre.price;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The guards on the feed and the publication timing, from configuration. The currency and the seed of the policy
 * share the prefix (policy/PolicyConfig).
 */
@ConfigMapping(prefix = "centre.pricing")
public interface PublicationConfig {
    /** How long a published tick stays valid. */
    Duration tickValidity();

    /** A feed value older than this is stale and never published. */
    Duration maxFeedAge();

    /** A move larger than this from the last accepted value is held, not published. */
    BigDecimal maxMovePercent();

    Duration publishInterval();
}
