package org.goldbuying.scale.xrf;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One element in one shot, in percent by mass. A value below the analyser's limit of detection ({@code <LOD})
 * is kept as such, and counts as zero in sums and averages.
 *
 * @param percent        mass percent (0 when below detection)
 * @param sigma          the analyser's one-sigma uncertainty in percent, or null when it gave none
 * @param belowDetection the analyser reported {@code <LOD}
 */
public record ElementReading(Element element, BigDecimal percent, BigDecimal sigma, boolean belowDetection) {
    public ElementReading {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(XrfShot.HUNDRED) > 0) {
            throw new XrfException(
                    XrfFault.MALFORMED_RECORD,
                    element.symbol() + " = " + percent.toPlainString() + " % is not a percentage");
        }
        if (sigma != null && sigma.signum() < 0) {
            throw new XrfException(XrfFault.MALFORMED_RECORD, element.symbol() + " has a negative sigma");
        }
    }

    public static ElementReading of(Element element, BigDecimal percent, BigDecimal sigma) {
        return new ElementReading(element, percent, sigma, false);
    }

    public static ElementReading belowDetection(Element element) {
        return new ElementReading(element, BigDecimal.ZERO, null, true);
    }

    public Optional<BigDecimal> sigmaIfKnown() {
        return Optional.ofNullable(sigma);
    }
}
