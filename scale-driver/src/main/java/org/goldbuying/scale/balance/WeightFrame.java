package org.goldbuying.scale.balance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One weight as a balance sent it, already converted exactly to grams. {@code stable} is the device's own
 * stability flag; only stable frames may become transaction readings.
 */
public record WeightFrame(BigDecimal grams, MassUnit reportedUnit, boolean stable, String rawFrame) {
    public WeightFrame {
        Objects.requireNonNull(grams, "grams");
        Objects.requireNonNull(reportedUnit, "reportedUnit");
        Objects.requireNonNull(rawFrame, "rawFrame");
    }
}
