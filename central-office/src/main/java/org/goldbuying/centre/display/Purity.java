package org.goldbuying.centre.display;

import java.math.BigDecimal;
import java.util.Optional;

/** A purity shown on the display, in per mille, with an optional trade name: "916:22k". */
public record Purity(BigDecimal perMille, Optional<String> label) {
    public static final Purity FINE = new Purity(new BigDecimal("1000"), Optional.empty());

    public static Purity parse(String text) {
        String[] parts = text.trim().split(":", 2);
        BigDecimal perMille;
        try {
            perMille = new BigDecimal(parts[0].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "centre.display.purities: \"" + text + "\" is not per mille[:label], e.g. 916:22k");
        }
        if (perMille.signum() <= 0 || perMille.compareTo(FINE.perMille()) > 0) {
            throw new IllegalArgumentException(
                    "centre.display.purities: " + perMille + " is not in (0, 1000] per mille");
        }
        Optional<String> label =
                parts.length > 1 && !parts[1].isBlank() ? Optional.of(parts[1].trim()) : Optional.empty();
        // 750.0 and 750 are the same purity; never a negative scale, which would print as 7.5E+2
        BigDecimal canonical = perMille.stripTrailingZeros();
        return new Purity(canonical.scale() < 0 ? canonical.setScale(0) : canonical, label);
    }

    /** "916 (22k)" or "999". */
    public String name() {
        return perMille.toPlainString() + label.map(l -> " (" + l + ")").orElse("");
    }
}
