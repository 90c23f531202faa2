package org.goldbuying.assay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;
import org.junit.jupiter.api.Test;

class DensityCheckTest {
    static final BigDecimal D = new BigDecimal("0.01");
    static final BigDecimal ONE_PERCENT = new BigDecimal("0.01");

    /** The weight in water an item of the given density would show (inverse of the formula under test). */
    static BigDecimal inWater(BigDecimal air, BigDecimal density, BigDecimal celsius) {
        BigDecimal w = DensityCheck.waterDensity(celsius).subtract(new BigDecimal("0.0012"));
        BigDecimal displaced =
                air.multiply(w).divide(density.subtract(new BigDecimal("0.0012")), MathContext.DECIMAL64);
        return air.subtract(displaced).setScale(2, RoundingMode.HALF_EVEN);
    }

    static XrfResult composition(String... symbolPercent) {
        return ShotAverager.average(
                List.of(XrfResultTest.shot("d", symbolPercent)), new AveragingPolicy(1, BigDecimal.ONE));
    }

    @Test
    void waterDensityFromTheTable() {
        assertThat(DensityCheck.waterDensity(new BigDecimal("20"))).isEqualByComparingTo("0.99820");
        assertThat(DensityCheck.waterDensity(new BigDecimal("20.5"))).isEqualByComparingTo("0.998095");
        assertThat(DensityCheck.waterDensity(new BigDecimal("30"))).isEqualByComparingTo("0.99565");
        assertThatThrownBy(() -> DensityCheck.waterDensity(new BigDecimal("35")))
                .isInstanceOfSatisfying(
                        XrfException.class, e -> assertThat(e.fault()).isEqualTo(XrfFault.DENSITY_INPUT));
    }

    @Test
    void expectedDensityOfKnownAlloys() {
        assertThat(DensityCheck.expectedDensity(Map.of(Element.AU, new BigDecimal("100"))))
                .isEqualByComparingTo("19.320");
        // 18 K yellow (75 Au, 12.5 Ag, 12.5 Cu): about 15.46 g/cm³
        assertThat(DensityCheck.expectedDensity(Map.of(
                        Element.AU,
                        new BigDecimal("75"),
                        Element.AG,
                        new BigDecimal("12.5"),
                        Element.CU,
                        new BigDecimal("12.5"))))
                .isBetween(new BigDecimal("15.40"), new BigDecimal("15.55"));
    }

    @Test
    void honestItemPasses() {
        BigDecimal air = new BigDecimal("50.00");
        BigDecimal celsius = new BigDecimal("21.5");
        XrfResult xrf = composition("Au 91.7", "Ag 4.1", "Cu 4.2");
        BigDecimal expected = DensityCheck.expectedDensity(xrf.meanPercentages());
        DensityCheck.Verdict verdict = DensityCheck.compare(
                new DensityCheck.Measurement(air, inWater(air, expected, celsius), celsius), xrf, D, ONE_PERCENT);
        assertThat(verdict.mismatch()).as(verdict.toString()).isFalse();
        assertThat(verdict.measured()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(0.5));
    }

    @Test
    void platedItemIsFlagged() {
        // Surface reads as 22 K, the body is gold-plated silver alloy (about 10.5 g/cm³).
        BigDecimal air = new BigDecimal("50.00");
        BigDecimal celsius = new BigDecimal("20");
        XrfResult xrf = composition("Au 91.7", "Ag 4.1", "Cu 4.2");
        DensityCheck.Verdict verdict = DensityCheck.compare(
                new DensityCheck.Measurement(air, inWater(air, new BigDecimal("10.5"), celsius), celsius),
                xrf,
                D,
                ONE_PERCENT);
        assertThat(verdict.mismatch()).isTrue();
        assertThat(verdict.flag().orElseThrow().kind()).isEqualTo(FraudFlag.Kind.DENSITY_MISMATCH);
        assertThat(verdict.flag().orElseThrow().reason()).contains("g/cm³");
    }

    @Test
    void smallItemsGetAWiderToleranceFromTheBalanceResolution() {
        BigDecimal air = new BigDecimal("1.00");
        BigDecimal celsius = new BigDecimal("20");
        XrfResult xrf = composition("Au 99.9");
        DensityCheck.Verdict verdict = DensityCheck.compare(
                new DensityCheck.Measurement(air, inWater(air, new BigDecimal("19.32"), celsius), celsius),
                xrf,
                D,
                ONE_PERCENT);
        assertThat(verdict.allowed()).isGreaterThan(ONE_PERCENT);
        assertThat(verdict.mismatch()).as(verdict.toString()).isFalse();
    }

    @Test
    void impossibleWeighingsAreRefused() {
        for (String[] w : new String[][] {{"10", "10"}, {"10", "11"}, {"0", "0"}, {"10", "-1"}}) {
            assertThatThrownBy(() -> new DensityCheck.Measurement(
                            new BigDecimal(w[0]), new BigDecimal(w[1]), new BigDecimal("20")))
                    .isInstanceOfSatisfying(
                            XrfException.class, e -> assertThat(e.fault()).isEqualTo(XrfFault.DENSITY_INPUT));
        }
    }
}
