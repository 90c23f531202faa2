package org.goldbuying.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The figures of one official price tick that a purchase's value depends on: spot, the official FX rate, the
 * currency's minor-unit exponent (0 for the Ugandan shilling, 2 for the Ghanaian cedi) and the policy's percentages.
 */
public record PriceBasis(
        BigDecimal spotUsdPerTroyOunce,
        BigDecimal fxLocalPerUsd,
        int currencyExponent,
        BigDecimal discountPercent,
        BigDecimal royaltyPercent,
        BigDecimal feesPercent,
        BigDecimal advancePercent) {

    public PriceBasis {
        Objects.requireNonNull(spotUsdPerTroyOunce, "spotUsdPerTroyOunce");
        Objects.requireNonNull(fxLocalPerUsd, "fxLocalPerUsd");
        Objects.requireNonNull(discountPercent, "discountPercent");
        Objects.requireNonNull(royaltyPercent, "royaltyPercent");
        Objects.requireNonNull(feesPercent, "feesPercent");
        Objects.requireNonNull(advancePercent, "advancePercent");
        if (spotUsdPerTroyOunce.signum() <= 0 || fxLocalPerUsd.signum() <= 0) {
            throw new IllegalArgumentException("spot and FX must be positive");
        }
        if (currencyExponent < 0 || currencyExponent > 3) {
            throw new IllegalArgumentException("currency exponent must be 0..3: " + currencyExponent);
        }
    }
}
