package org.goldbuying.scale.xrf;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The elements an analyser reports on gold, with the density of the pure element at 20 °C (g/cm³, handbook
 * values), used to estimate the density an alloy of a given composition should have. Symbols are matched
 * exactly as printed (case-sensitive: "Co" is cobalt, "CO" is not an element).
 */
public enum Element {
    AU("Au", "19.32"),
    AG("Ag", "10.49"),
    CU("Cu", "8.96"),
    ZN("Zn", "7.14"),
    NI("Ni", "8.908"),
    PD("Pd", "12.02"),
    PT("Pt", "21.45"),
    RH("Rh", "12.41"),
    IR("Ir", "22.56"),
    RU("Ru", "12.37"),
    OS("Os", "22.59"),
    FE("Fe", "7.874"),
    PB("Pb", "11.34"),
    W("W", "19.25"),
    CD("Cd", "8.65"),
    CO("Co", "8.90"),
    SN("Sn", "7.287"),
    IN("In", "7.31"),
    GA("Ga", "5.91"),
    GE("Ge", "5.323"),
    TI("Ti", "4.506"),
    CR("Cr", "7.19"),
    MN("Mn", "7.21"),
    BI("Bi", "9.78"),
    SB("Sb", "6.697"),
    TA("Ta", "16.69"),
    RE("Re", "21.02"),
    MO("Mo", "10.28"),
    AL("Al", "2.70"),
    SI("Si", "2.33"),
    SE("Se", "4.81"),
    AS("As", "5.727"),
    TE("Te", "6.24"),
    HG("Hg", "13.534");

    private final String symbol;
    private final BigDecimal density;

    Element(String symbol, String density) {
        this.symbol = symbol;
        this.density = new BigDecimal(density);
    }

    public String symbol() {
        return symbol;
    }

    /** Density of the pure element in g/cm³. */
    public BigDecimal density() {
        return density;
    }

    public static Optional<Element> fromSymbol(String symbol) {
        for (Element e : values()) {
            if (e.symbol.equals(symbol)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static Element require(String symbol) {
        return fromSymbol(symbol)
                .orElseThrow(() -> new XrfException(
                        XrfFault.UNKNOWN_ELEMENT, "'" + symbol + "' is not an element symbol this station knows"));
    }
}
