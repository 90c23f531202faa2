package org.goldbuying.station.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A density test of the lot (weight in air = the lot's gross weight; weight in water and its temperature measured),
 * compared with the density the XRF composition predicts. {@code flag} says why they disagree; null when they match.
 */
@Embeddable
public class DensityTest {
    @Column(name = "density_grams_in_water")
    private BigDecimal gramsInWater;

    @Column(name = "density_water_celsius")
    private BigDecimal waterCelsius;

    @Column(name = "density_measured")
    private BigDecimal measured;

    @Column(name = "density_expected")
    private BigDecimal expected;

    @Column(name = "density_difference")
    private BigDecimal difference;

    @Column(name = "density_allowed")
    private BigDecimal allowed;

    @Column(name = "density_flag")
    private String flag;

    @Column(name = "density_by")
    private String by;

    @Column(name = "density_at")
    private Instant at;

    protected DensityTest() {}

    /** What was measured and how it compares; {@code flag} is the mismatch's reason, or null. */
    public record Result(
            BigDecimal gramsInWater,
            BigDecimal waterCelsius,
            BigDecimal measured,
            BigDecimal expected,
            BigDecimal difference,
            BigDecimal allowed,
            String flag) {}

    public DensityTest(Result result, String by, Instant at) {
        this.gramsInWater = result.gramsInWater();
        this.waterCelsius = result.waterCelsius();
        this.measured = result.measured();
        this.expected = result.expected();
        this.difference = result.difference();
        this.allowed = result.allowed();
        this.flag = result.flag();
        this.by = by;
        this.at = at;
    }

    public BigDecimal gramsInWater() {
        return gramsInWater;
    }

    public BigDecimal waterCelsius() {
        return waterCelsius;
    }

    public BigDecimal measured() {
        return measured;
    }

    public BigDecimal expected() {
        return expected;
    }

    public BigDecimal difference() {
        return difference;
    }

    public BigDecimal allowed() {
        return allowed;
    }

    public String flag() {
        return flag;
    }

    public boolean mismatch() {
        return flag != null;
    }

    public String by() {
        return by;
    }

    public Instant at() {
        return at;
    }
}
