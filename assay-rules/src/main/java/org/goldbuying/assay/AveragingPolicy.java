package org.goldbuying.assay;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How shots are combined.
 *
 * @param minShots               fewer shots are refused (one spot can be plated or dirty)
 * @param maxSpreadPercentPoints the largest allowed difference between the highest and lowest value of any
 *                               element, in percentage points; more means the item is not homogeneous, the spot
 *                               was dirty or the analyser moved, and requires a re-shoot
 */
public record AveragingPolicy(int minShots, BigDecimal maxSpreadPercentPoints) {
    public AveragingPolicy {
        Objects.requireNonNull(maxSpreadPercentPoints, "maxSpreadPercentPoints");
        if (minShots < 1 || maxSpreadPercentPoints.signum() <= 0) {
            throw new IllegalArgumentException("need at least one shot and a positive spread limit");
        }
    }

    /** Three shots agreeing within half a percentage point: a common assay-office practice, set per site. */
    public static AveragingPolicy defaults() {
        return new AveragingPolicy(3, new BigDecimal("0.5"));
    }
}
