package org.goldbuying.station.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.goldbuying.pricing.PriceBasis;

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
        Objects.requireNonNull(currency, "currency");
        // the money figures are checked where they are defined
        new PriceBasis(
                spotUsdPerTroyOunce,
                fxLocalPerUsd,
                currencyExponent,
                discountPercent,
                royaltyPercent,
                feesPercent,
                advancePercent);
    }

    /** The figures a lot's value depends on (the rest pins and times the quote). */
    public PriceBasis basis() {
        return new PriceBasis(
                spotUsdPerTroyOunce,
                fxLocalPerUsd,
                currencyExponent,
                discountPercent,
                royaltyPercent,
                feesPercent,
                advancePercent);
    }
}
