package org.goldbuying.station.assay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.goldbuying.assay.AveragingPolicy;
import org.goldbuying.assay.FraudLimits;

/** The counter's XRF analyser and the assay office's rules for combining and judging its shots. */
@ConfigMapping(prefix = "station.xrf")
public interface XrfConfig {
    /** Serial device the analyser (or its PC software) writes results to; empty: shots come only over the API. */
    Optional<String> port();

    @WithDefault("9600")
    int baudRate();

    /**
     * The analysers registered at this station, each {@code SERIAL@YYYY-MM-DD}: the serial number the analyser writes
     * in its results and the date of its last calibration check. Shots from any other analyser are refused.
     */
    Optional<List<String>> analysers();

    /** How many days a calibration check against the reference standard holds. */
    @WithDefault("7")
    int calibrationCheckValidDays();

    /** Fewer shots are not averaged: one spot can be plated or dirty. */
    @WithDefault("3")
    int minShots();

    /** Largest difference between shots for any element, in percentage points; more means re-shoot. */
    @WithDefault("0.5")
    BigDecimal maxSpreadPercentPoints();

    @WithDefault("0.05")
    BigDecimal maxTungstenPercent();

    @WithDefault("0.05")
    BigDecimal maxLeadPercent();

    @WithDefault("0.20")
    BigDecimal maxIronPercent();

    /** How far a shot's elements may sum from 100 %. */
    @WithDefault("2.0")
    BigDecimal totalTolerancePercentPoints();

    /** Relative tolerance of the density test (0.01 = 1 %); widened for small items by the balance's resolution. */
    @WithDefault("0.01")
    BigDecimal densityRelativeTolerance();

    default RegisteredAnalysers registeredAnalysers() {
        return RegisteredAnalysers.parse(analysers().orElse(List.of()), calibrationCheckValidDays());
    }

    default AveragingPolicy averagingPolicy() {
        return new AveragingPolicy(minShots(), maxSpreadPercentPoints());
    }

    default FraudLimits fraudLimits() {
        return new FraudLimits(maxTungstenPercent(), maxLeadPercent(), maxIronPercent(), totalTolerancePercentPoints());
    }
}
