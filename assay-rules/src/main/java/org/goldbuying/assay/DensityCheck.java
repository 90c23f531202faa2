package org.goldbuying.assay;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;

/**
 * Hydrostatic density test: weigh in air, then in water, and compare the density with what the XRF composition
 * implies. XRF sees only the surface; a plated or filled item has the right surface and the wrong density.
 *
 * <p>Measured density (Archimedes, with the air-buoyancy correction used by balance density kits):
 * ρ = A / (A − B) · (ρ<sub>water</sub>(T) − ρ<sub>air</sub>) + ρ<sub>air</sub>, with ρ<sub>air</sub> = 0.0012 g/cm³.
 * Expected density from mass fractions, assuming volumes add (a good approximation for gold alloys):
 * 1/ρ = Σ w<sub>i</sub>/ρ<sub>i</sub>, with the composition normalised to its own total.
 */
public final class DensityCheck {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal AIR = new BigDecimal("0.0012");
    /** Densities are reported to 0.001 g/cm³; the test cannot resolve more. */
    private static final int SCALE = 3;
    /** Pure water, g/cm³, at 10..30 °C in 1 °C steps (standard tables). */
    private static final String[] WATER = {
        "0.99970", "0.99961", "0.99950", "0.99938", "0.99924", "0.99910", "0.99894", "0.99877", "0.99860",
        "0.99841", "0.99820", "0.99799", "0.99777", "0.99754", "0.99730", "0.99705", "0.99678", "0.99651",
        "0.99623", "0.99594", "0.99565"
    };

    private static final int FIRST_CELSIUS = 10;

    /**
     * @param gramsInAir   A, the item's weight in air
     * @param gramsInWater B, its apparent weight fully immersed (not touching the beaker)
     * @param waterCelsius the water's temperature
     */
    public record Measurement(BigDecimal gramsInAir, BigDecimal gramsInWater, BigDecimal waterCelsius) {
        public Measurement {
            Objects.requireNonNull(gramsInAir);
            Objects.requireNonNull(gramsInWater);
            Objects.requireNonNull(waterCelsius);
            if (gramsInAir.signum() <= 0 || gramsInWater.signum() <= 0 || gramsInWater.compareTo(gramsInAir) >= 0) {
                throw new XrfException(
                        XrfFault.DENSITY_INPUT,
                        "need 0 < weight in water < weight in air, got air " + gramsInAir.toPlainString() + " g, water "
                                + gramsInWater.toPlainString() + " g");
            }
        }
    }

    /**
     * @param relativeDifference (measured − expected) / expected, 4 decimals
     * @param allowed            the tolerance that applied (the larger of the configured one and what the
     *                           balance's resolution allows)
     */
    public record Verdict(
            BigDecimal measured,
            BigDecimal expected,
            BigDecimal relativeDifference,
            BigDecimal allowed,
            Optional<FraudFlag> flag) {
        public boolean mismatch() {
            return flag.isPresent();
        }
    }

    private DensityCheck() {}

    /** Water density at the temperature, interpolated linearly in the 10..30 °C table. */
    public static BigDecimal waterDensity(BigDecimal celsius) {
        if (celsius.compareTo(BigDecimal.valueOf(FIRST_CELSIUS)) < 0
                || celsius.compareTo(BigDecimal.valueOf(FIRST_CELSIUS + WATER.length - 1)) > 0) {
            throw new XrfException(
                    XrfFault.DENSITY_INPUT,
                    "water at " + celsius.toPlainString() + " °C; use water between 10 and 30 °C");
        }
        BigDecimal offset = celsius.subtract(BigDecimal.valueOf(FIRST_CELSIUS));
        int i = offset.setScale(0, RoundingMode.FLOOR).intValueExact();
        BigDecimal low = new BigDecimal(WATER[i]);
        if (i == WATER.length - 1) {
            return low;
        }
        BigDecimal fraction = offset.subtract(BigDecimal.valueOf(i));
        return low.add(new BigDecimal(WATER[i + 1]).subtract(low).multiply(fraction, MC), MC);
    }

    public static BigDecimal measuredDensity(Measurement m) {
        BigDecimal ratio = m.gramsInAir().divide(m.gramsInAir().subtract(m.gramsInWater()), MC);
        return ratio.multiply(waterDensity(m.waterCelsius()).subtract(AIR), MC)
                .add(AIR)
                .setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** The density an alloy of this composition should have, in g/cm³. */
    public static BigDecimal expectedDensity(Map<Element, BigDecimal> percentages) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal specificVolume = BigDecimal.ZERO;
        for (Map.Entry<Element, BigDecimal> e : percentages.entrySet()) {
            total = total.add(e.getValue());
            specificVolume = specificVolume.add(e.getValue().divide(e.getKey().density(), MC));
        }
        if (total.signum() <= 0) {
            throw new XrfException(XrfFault.DENSITY_INPUT, "no composition to compare with");
        }
        return total.divide(specificVolume, MC).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * Compares measured and expected density.
     *
     * @param balanceResolutionGrams d of the balance used: the smaller the item, the less precise the test, so the
     *                               tolerance is widened to twice the error the resolution alone can cause
     * @param relativeTolerance      the site's tolerance, e.g. 0.01 for 1 %
     */
    public static Verdict compare(
            Measurement m, XrfResult composition, BigDecimal balanceResolutionGrams, BigDecimal relativeTolerance) {
        BigDecimal measured = measuredDensity(m);
        BigDecimal expected = expectedDensity(composition.meanPercentages());
        BigDecimal difference = measured.subtract(expected).divide(expected, 4, RoundingMode.HALF_EVEN);
        // Relative error of A/(A−B) from one display step in each weighing is about d·(A + (A−B))/(A·(A−B)).
        BigDecimal displaced = m.gramsInAir().subtract(m.gramsInWater());
        BigDecimal resolutionError = balanceResolutionGrams
                .multiply(m.gramsInAir().add(displaced))
                .divide(m.gramsInAir().multiply(displaced), MC);
        BigDecimal allowed = relativeTolerance
                .max(resolutionError.multiply(BigDecimal.valueOf(2)))
                .setScale(4, RoundingMode.UP);
        Optional<FraudFlag> flag = difference.abs().compareTo(allowed) > 0
                ? Optional.of(new FraudFlag(
                        FraudFlag.Kind.DENSITY_MISMATCH,
                        "measured " + measured.toPlainString()
                                + " g/cm³, composition implies " + expected.toPlainString() + " g/cm³ ("
                                + difference
                                        .movePointRight(2)
                                        .stripTrailingZeros()
                                        .toPlainString() + " %, allowed ±"
                                + allowed.movePointRight(2).stripTrailingZeros().toPlainString() + " %)"))
                : Optional.empty();
        return new Verdict(measured, expected, difference, allowed, flag);
    }
}
