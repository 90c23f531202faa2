package org.goldbuying.station.pricing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Every term of a quote, as shown to the seller and printed on the receipt. Mass in grams, fineness in per
 * mille, rates as decimals, money in integer minor units of {@code currency}.
 */
public record Quote(
        long tickSequence,
        BigDecimal grossGrams,
        BigDecimal finenessPerMille,
        BigDecimal fineGrams,
        BigDecimal spotUsdPerTroyOunce,
        BigDecimal spotUsdPerGram,
        BigDecimal fxLocalPerUsd,
        BigDecimal localPerFineGram,
        String currency,
        int currencyExponent,
        long grossValueMinor,
        long discountMinor,
        long royaltyMinor,
        long feesMinor,
        long netPayableMinor,
        long advanceMinor,
        long retentionMinor,
        Instant quotedAt,
        Instant lockedUntil) {

    public long deductionsMinor() {
        return discountMinor + royaltyMinor + feesMinor;
    }

    public boolean lockedAt(Instant now) {
        return !now.isAfter(lockedUntil);
    }
}
