package org.goldbuying.scale.balance;

import java.math.BigDecimal;
import java.util.Optional;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;

/**
 * Mass units a balance may report, each with its exact factor to grams. Anything else is refused:
 * the legal-for-trade rule is to convert exactly or not at all.
 */
public enum MassUnit {
    GRAM("g", BigDecimal.ONE),
    MILLIGRAM("mg", new BigDecimal("0.001")),
    KILOGRAM("kg", new BigDecimal("1000")),
    /** Troy ounce: 31.1034768 g exactly by definition. */
    TROY_OUNCE("ozt", new BigDecimal("31.1034768")),
    /** Metric carat: 0.2 g exactly. */
    CARAT("ct", new BigDecimal("0.2"));

    private final String symbol;
    private final BigDecimal gramsPerUnit;

    MassUnit(String symbol, BigDecimal gramsPerUnit) {
        this.symbol = symbol;
        this.gramsPerUnit = gramsPerUnit;
    }

    public String symbol() {
        return symbol;
    }

    /** Exact conversion: the scale of the result grows as needed, nothing is rounded. */
    public BigDecimal toGrams(BigDecimal value) {
        return this == GRAM ? value : value.multiply(gramsPerUnit);
    }

    /**
     * Exact, case-sensitive match: "Mg" (megagram) must never be read as "mg". Protocols that print units in
     * capitals convert them themselves where that is unambiguous.
     */
    public static Optional<MassUnit> fromSymbol(String symbol) {
        String s = symbol.trim();
        for (MassUnit unit : values()) {
            if (unit.symbol.equals(s)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    public static MassUnit require(String symbol) {
        return fromSymbol(symbol)
                .orElseThrow(() -> new ScaleException(
                        ScaleFault.UNIT_MISMATCH, "unit '" + symbol.trim() + "' has no exact conversion to grams"));
    }
}
