package org.goldbuying.centre.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One observation from a gold price feed: untrusted until the price guard has checked it. */
public record FeedQuote(BigDecimal spotUsdPerTroyOunce, Instant observedAt, String source, boolean simulated) {
    public FeedQuote {
        Objects.requireNonNull(spotUsdPerTroyOunce, "spotUsdPerTroyOunce");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(source, "source");
    }
}
