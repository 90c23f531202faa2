package org.goldbuying.centre.display;

import java.math.BigDecimal;

/** A local unit of mass in which the display also shows prices: "castellano:4.6" (grams). */
public record LocalUnit(String name, BigDecimal grams) {
    public static LocalUnit parse(String text) {
        String[] parts = text.trim().split(":", 2);
        try {
            if (parts.length == 2 && !parts[0].isBlank()) {
                BigDecimal grams = new BigDecimal(parts[1].trim());
                if (grams.signum() > 0) {
                    return new LocalUnit(parts[0].trim(), grams);
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("centre.display.local-units: \"" + text
                + "\" is not name:grams with positive grams, e.g. castellano:4.6");
    }
}
