package org.goldbuying.assay;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fineness from a gold percentage. Both are truncated, never rounded up: a fineness is a minimum guarantee
 * (hallmarking allows no negative tolerance), so the stated purity must not exceed what was measured.
 */
public final class Fineness {
    private static final BigDecimal TWENTY_FOUR = new BigDecimal("24");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Fineness() {}

    /** Parts per thousand, 0.1 ‰ resolution: 91.675 % → 916.7. */
    public static BigDecimal perMille(BigDecimal goldPercent) {
        return goldPercent.movePointRight(1).setScale(1, RoundingMode.DOWN);
    }

    /** Karat, 0.01 K resolution: 91.675 % → 22.00. */
    public static BigDecimal karat(BigDecimal goldPercent) {
        // multiply first, then one division by 100 (exact: a shift), so only the final truncation rounds
        return goldPercent.multiply(TWENTY_FOUR).divide(HUNDRED).setScale(2, RoundingMode.DOWN);
    }
}
