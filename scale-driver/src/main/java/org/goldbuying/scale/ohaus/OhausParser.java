package org.goldbuying.scale.ohaus;

import java.math.BigDecimal;
import java.util.Set;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.FrameText;
import org.goldbuying.scale.balance.MassUnit;
import org.goldbuying.scale.balance.WeightFrame;

/**
 * Parses Ohaus print lines (terminator already removed). Pure: no I/O, no state.
 *
 * <p>Grammar, split on spaces because the value is right-justified to a width that varies by model:
 * {@code [-] value unit [?] [extra ...]}, e.g. {@code "     123.45 g"}, {@code "  12.3 g ?"},
 * {@code "   -0.02 g   N"}. The {@code ?} marks an unstable weight. Extra fields allowed: net/gross
 * ({@code N}, {@code G}, {@code NET}, {@code GROSS}) and check-weighing results ({@code OVER}, {@code UNDER},
 * {@code ACCEPT}); anything else makes the line malformed. {@code ES} answers an invalid command.
 */
public final class OhausParser {
    private static final int MAX_EXTRA_FIELDS = 3;
    private static final Set<String> EXTRA = Set.of("N", "G", "NET", "GROSS", "OVER", "UNDER", "ACCEPT");

    private OhausParser() {}

    public static WeightFrame weight(String line) {
        FrameText.requirePrintable(line);
        String[] tokens = line.strip().split(" +");
        failOnErrorReply(tokens, line);
        int i = 0;
        boolean negative = false;
        if (tokens[0].equals("-")) {
            negative = true;
            i++;
        }
        if (tokens.length < i + 2) {
            throw FrameText.malformed(line, "Ohaus weight needs a value and a unit");
        }
        if (negative && (tokens[i].startsWith("-") || tokens[i].startsWith("+"))) {
            throw FrameText.malformed(line, "two signs");
        }
        BigDecimal value = FrameText.decimal(tokens[i++], line);
        String unit = tokens[i++];
        boolean stable = true;
        int extras = 0;
        for (; i < tokens.length; i++) {
            String field = tokens[i];
            if (field.equals("?") && stable && extras == 0) {
                stable = false;
            } else if (EXTRA.contains(field) && ++extras <= MAX_EXTRA_FIELDS) {
                // net/gross or check-weighing result: not needed for the mass itself
            } else {
                throw FrameText.malformed(line, "unexpected field '" + field + "'");
            }
        }
        MassUnit massUnit = MassUnit.require(unit);
        BigDecimal signed = negative ? value.negate() : value;
        return new WeightFrame(massUnit.toGrams(signed), massUnit, stable, line);
    }

    /** Reads the serial-number reply; the layout is not confirmed, so the serial is the last field. */
    public static String serialNumber(String line) {
        FrameText.requirePrintable(line);
        String[] tokens = line.strip().split(" +");
        failOnErrorReply(tokens, line);
        return FrameText.serialNumber(tokens[tokens.length - 1], line);
    }

    private static void failOnErrorReply(String[] tokens, String line) {
        if (tokens.length == 1 && tokens[0].equals("ES")) {
            throw new ScaleException(ScaleFault.DEVICE_ERROR, "ES: command not understood by the balance");
        }
        if (tokens.length == 0 || tokens[0].isEmpty()) {
            throw FrameText.malformed(line, "empty line");
        }
    }
}
