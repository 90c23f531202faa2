package org.goldbuying.assay;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.scale.xrf.XrfShot;

/**
 * The averaged composition of an item and the shots it came from. Fineness and karat are derived from the
 * mean gold percentage; see {@link Fineness} for the rounding.
 */
public record XrfResult(Map<Element, ElementAverage> composition, List<XrfShot> shots) {
    public XrfResult {
        composition = Collections.unmodifiableMap(new EnumMap<>(composition));
        shots = List.copyOf(shots);
    }

    /** Mean percentage of the element, zero when it was not found. */
    public BigDecimal percent(Element element) {
        ElementAverage average = composition.get(element);
        return average == null ? BigDecimal.ZERO : average.meanPercent();
    }

    /** Gold in parts per thousand, truncated to 0.1 ‰. */
    public BigDecimal finenessPerMille() {
        return Fineness.perMille(percent(Element.AU));
    }

    /** Gold in karats (24 = pure), truncated to 0.01 K. */
    public BigDecimal karat() {
        return Fineness.karat(percent(Element.AU));
    }

    public BigDecimal total() {
        return composition.values().stream().map(ElementAverage::meanPercent).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Mean percentages only, for density estimates and display. */
    public Map<Element, BigDecimal> meanPercentages() {
        Map<Element, BigDecimal> means = new EnumMap<>(Element.class);
        composition.forEach((element, average) -> means.put(element, average.meanPercent()));
        return means;
    }

    /** True when a shot was typed in and no supervisor approved it yet: the result may not price a lot. */
    public boolean needsSupervisorApproval() {
        return shots.stream().anyMatch(XrfShot::needsApproval);
    }

    public boolean includesManualEntry() {
        return shots.stream().anyMatch(XrfShot::manual);
    }

    public Duration totalMeasurementTime() {
        return shots.stream().map(XrfShot::measurementTime).reduce(Duration.ZERO, Duration::plus);
    }

    public Set<AnalyserId> analysers() {
        return shots.stream().map(XrfShot::analyser).collect(Collectors.toUnmodifiableSet());
    }
}
