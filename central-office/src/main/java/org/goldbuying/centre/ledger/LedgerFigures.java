package org.goldbuying.centre.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The derived figures of a ledger line, with explicit rounding. Plain Java. */
public final class LedgerFigures {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LedgerFigures() {}

    /** Local currency paid per fine gram, to 4 decimals, half-even. */
    public static BigDecimal averagePaidPerFineGram(long costMinor, int exponent, BigDecimal fineGrams) {
        if (fineGrams.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(costMinor, exponent).divide(fineGrams, 4, RoundingMode.HALF_EVEN);
    }

    /** The reference value per fine gram, to 4 decimals, half-even. */
    public static BigDecimal referencePerFineGram(BigDecimal referenceValue, BigDecimal fineGrams) {
        if (fineGrams.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return referenceValue.divide(fineGrams, 4, RoundingMode.HALF_EVEN);
    }

    /** Paid against reference, in percent to 2 decimals: negative is a discount to spot. */
    public static BigDecimal premiumPercent(BigDecimal paidPerGram, BigDecimal referencePerGram) {
        if (referencePerGram.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return paidPerGram
                .subtract(referencePerGram)
                .multiply(HUNDRED)
                .divide(referencePerGram, 2, RoundingMode.HALF_EVEN);
    }
}
