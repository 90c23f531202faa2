package org.goldbuying.station.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The official price and policy a quote is computed from: one price tick as the station holds it.
 * Plain values, no framework, so the quote can be tested and benchmarked alone.
 */
public record PriceTerms(
        long tickSequence,
        Instant publishedAt,
        Instant validUntil,
        BigDecimal spotUsdPerTroyOunce,
        String currency,
        int currencyExponent,
        BigDecimal fxLocalPerUsd,
        BigDecimal discountPercent,
        BigDecimal royaltyPercent,
        BigDecimal feesPercent,
        BigDecimal advancePercent,
        Duration maxTickAge,
        Duration quoteLock) {

    public PriceTerms {
        Objects.requireNonNull(spotUsdPerTroyOunce, "spotUsdPerTroyOunce");
        Objects.requireNonNull(fxLocalPerUsd, "fxLocalPerUsd");
        Objects.requireNonNull(currency, "currency");
        if (spotUsdPerTroyOunce.signum() <= 0 || fxLocalPerUsd.signum() <= 0) {
            throw new IllegalArgumentException("spot and FX must be positive");
        }
        if (currencyExponent < 0 || currencyExponent > 3) {
            throw new IllegalArgumentException("currency exponent must be 0..3: " + currencyExponent);
        }
    }
}
