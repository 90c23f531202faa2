package org.goldbuying.assay;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Limits above which an XRF result is flagged as possible fraud. Tungsten has almost the density of gold and is
 * the classic filler of fake bars; lead and iron do not belong in gold alloys and point at cores, solder or
 * plated base metal. A total far from 100 % means elements the analyser cannot see (or a bad measurement).
 *
 * @param totalTolerancePercentPoints how far the sum of all elements may be from 100 %
 */
public record FraudLimits(
        BigDecimal maxTungstenPercent,
        BigDecimal maxLeadPercent,
        BigDecimal maxIronPercent,
        BigDecimal totalTolerancePercentPoints) {
    public FraudLimits {
        Objects.requireNonNull(maxTungstenPercent);
        Objects.requireNonNull(maxLeadPercent);
        Objects.requireNonNull(maxIronPercent);
        Objects.requireNonNull(totalTolerancePercentPoints);
    }

    /** Starting values for a site; the assay office sets its own. */
    public static FraudLimits defaults() {
        return new FraudLimits(
                new BigDecimal("0.05"), new BigDecimal("0.05"), new BigDecimal("0.20"), new BigDecimal("2.0"));
    }
}
