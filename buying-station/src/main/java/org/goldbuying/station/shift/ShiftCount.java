package org.goldbuying.station.shift;

import java.math.BigDecimal;

/**
 * A shift's count: what the clerk counted and what the station expects (cash: the float less the cash paid out;
 * gold: the gross grams bought in the shift). Plain values, no rounding: cash is exact in minor units and the grams
 * keep the balance's own scale.
 */
public record ShiftCount(
        long countedCashMinor, BigDecimal countedGoldGrams, long expectedCashMinor, BigDecimal expectedGoldGrams) {

    public long cashDifferenceMinor() {
        return Math.subtractExact(countedCashMinor, expectedCashMinor);
    }

    public BigDecimal goldDifferenceGrams() {
        return countedGoldGrams.subtract(expectedGoldGrams);
    }
}
