package org.goldbuying.assay;

import java.math.BigDecimal;
import java.util.Objects;
import org.goldbuying.scale.xrf.Element;

/**
 * One element averaged over the shots.
 *
 * @param meanPercent    arithmetic mean, 4 decimals, half-even
 * @param sigmaOfMean    combined sigma of the mean, √(Σσ²)/n, or null when a shot gave no sigma
 * @param spread         highest minus lowest value, percentage points
 * @param belowDetection every shot reported {@code <LOD} (or nothing) for this element
 */
public record ElementAverage(
        Element element, BigDecimal meanPercent, BigDecimal sigmaOfMean, BigDecimal spread, boolean belowDetection) {
    public ElementAverage {
        Objects.requireNonNull(element);
        Objects.requireNonNull(meanPercent);
        Objects.requireNonNull(spread);
    }
}
