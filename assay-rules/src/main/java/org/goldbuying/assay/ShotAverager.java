package org.goldbuying.assay;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.scale.xrf.ElementReading;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;
import org.goldbuying.scale.xrf.XrfShot;

/**
 * Averages several shots of one item. Refuses too few shots, and shots that disagree by more than the policy
 * allows for any element (the clerk is asked to re-shoot). An element missing from a shot counts as zero there.
 */
public final class ShotAverager {
    /** Percentages are reported to 0.0001 %, below any analyser's resolution, so averaging adds no false digits. */
    static final int SCALE = 4;

    private ShotAverager() {}

    public static XrfResult average(List<XrfShot> shots, AveragingPolicy policy) {
        if (shots.size() < policy.minShots()) {
            throw new XrfException(
                    XrfFault.NOT_ENOUGH_SHOTS, shots.size() + " shot(s), at least " + policy.minShots() + " needed");
        }
        Set<Element> elements = EnumSet.noneOf(Element.class);
        shots.forEach(s -> elements.addAll(s.readings().keySet()));
        BigDecimal n = BigDecimal.valueOf(shots.size());
        Map<Element, ElementAverage> composition = new EnumMap<>(Element.class);
        for (Element element : elements) {
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal min = null;
            BigDecimal max = null;
            BigDecimal sumOfSquaredSigmas = BigDecimal.ZERO;
            boolean allSigmas = true;
            boolean allBelowDetection = true;
            for (XrfShot shot : shots) {
                BigDecimal p = shot.percent(element);
                sum = sum.add(p);
                min = min == null || p.compareTo(min) < 0 ? p : min;
                max = max == null || p.compareTo(max) > 0 ? p : max;
                ElementReading r = shot.readings().get(element);
                if (r != null && !r.belowDetection()) {
                    allBelowDetection = false;
                    if (r.sigma() != null) {
                        sumOfSquaredSigmas = sumOfSquaredSigmas.add(r.sigma().multiply(r.sigma()));
                    } else {
                        allSigmas = false;
                    }
                }
            }
            BigDecimal spread = max.subtract(min);
            if (spread.compareTo(policy.maxSpreadPercentPoints()) > 0) {
                throw new XrfException(
                        XrfFault.RESHOOT_REQUIRED,
                        element.symbol() + " varies by "
                                + spread.toPlainString() + " percentage points between shots (limit "
                                + policy.maxSpreadPercentPoints().toPlainString() + ")");
            }
            BigDecimal mean = sum.divide(n, SCALE, RoundingMode.HALF_EVEN);
            BigDecimal sigma = allSigmas && !allBelowDetection
                    ? sumOfSquaredSigmas.sqrt(MathContext.DECIMAL64).divide(n, SCALE, RoundingMode.HALF_EVEN)
                    : null;
            composition.put(element, new ElementAverage(element, mean, sigma, spread, allBelowDetection));
        }
        return new XrfResult(composition, shots);
    }
}
