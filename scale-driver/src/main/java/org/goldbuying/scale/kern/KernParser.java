package org.goldbuying.scale.kern;

import java.math.BigDecimal;
import java.util.Locale;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.FrameText;
import org.goldbuying.scale.balance.MassUnit;
import org.goldbuying.scale.balance.WeightFrame;

/**
 * Parses the output of Kern balances that use the older single-byte command protocol (terminator already
 * removed). Pure: no I/O, no state. Two layouts exist:
 * <ul>
 *   <li>plain: {@code [-] value [unit]}, split on spaces, e.g. {@code "    123.45 g"}. A frame without a unit is
 *       unstable; its value is read in the unit the balance is set to and never marked stable.</li>
 *   <li>tagged: {@code HH,KK value unit}, e.g. {@code ST,GS   1.000KG}: {@code HH} is {@code ST} stable,
 *       {@code US} unstable or {@code OL} overload; {@code KK} is {@code GS} gross or {@code NT} net ({@code TR}
 *       tare is refused); the unit may follow the value without a space and in capitals.</li>
 * </ul>
 * A fault prints {@code Error} (possibly followed by a code).
 */
public final class KernParser {
    private KernParser() {}

    public static WeightFrame weight(String line, MassUnit unitWhenBlank) {
        FrameText.requirePrintable(line);
        String text = line.strip();
        if (text.startsWith("Error")) {
            throw new ScaleException(ScaleFault.DEVICE_ERROR, "balance printed '" + text + "'");
        }
        if (text.indexOf(',') >= 0) {
            return tagged(text, line);
        }
        String[] tokens = text.split(" +");
        int i = 0;
        boolean negative = false;
        if (tokens[0].equals("-") || tokens[0].equals("+")) {
            negative = tokens[0].equals("-");
            i++;
        }
        if (i >= tokens.length || tokens.length > i + 2) {
            throw FrameText.malformed(line, "Kern frame is a value and at most a unit");
        }
        BigDecimal value = FrameText.decimal(tokens[i], line);
        if (i == 1 && (tokens[i].startsWith("-") || tokens[i].startsWith("+"))) {
            throw FrameText.malformed(line, "two signs");
        }
        BigDecimal signed = negative ? value.negate() : value;
        if (tokens.length == i + 1) {
            return new WeightFrame(unitWhenBlank.toGrams(signed), unitWhenBlank, false, line);
        }
        MassUnit unit = MassUnit.require(tokens[i + 1]);
        return new WeightFrame(unit.toGrams(signed), unit, true, line);
    }

    private static WeightFrame tagged(String text, String line) {
        if (text.length() < 5 || text.charAt(2) != ',') {
            throw FrameText.malformed(line, "tagged Kern frame must start HH,KK");
        }
        String header = text.substring(0, 2);
        String kind = text.substring(3, 5);
        String rest = text.substring(5).strip();
        if (!kind.equals("GS") && !kind.equals("NT")) {
            throw FrameText.malformed(
                    line,
                    kind.equals("TR")
                            ? "a tare frame is not the weight on the pan"
                            : "unknown weight kind '" + kind + "'");
        }
        boolean stable;
        switch (header) {
            case "ST" -> stable = true;
            case "US" -> stable = false;
            case "OL" -> {
                if (rest.startsWith("-")) {
                    throw new ScaleException(ScaleFault.UNDERLOAD, "Kern out of range (under): " + text);
                }
                throw new ScaleException(ScaleFault.OVERLOAD, "Kern out of range (over): " + text);
            }
            default -> throw FrameText.malformed(line, "unknown Kern header '" + header + "'");
        }
        int unitStart = 0;
        while (unitStart < rest.length() && !Character.isLetter(rest.charAt(unitStart))) {
            unitStart++;
        }
        String number = rest.substring(0, unitStart).strip();
        String unit = rest.substring(unitStart).strip();
        if (unit.isEmpty() || number.isEmpty()) {
            throw FrameText.malformed(line, "tagged Kern frame needs a value and a unit");
        }
        for (int i = 0; i < unit.length(); i++) {
            if (!Character.isLetter(unit.charAt(i))) {
                throw FrameText.malformed(line, "unit must be letters only");
            }
        }
        // Only a space between the sign and the digits is allowed ("-  1.000KG"); nowhere else.
        if (number.startsWith("-") || number.startsWith("+")) {
            number = number.charAt(0) + number.substring(1).strip();
        }
        BigDecimal value = FrameText.decimal(number, line);
        // Tagged frames print units in capitals (KG, G); an all-capital unit is read in lower case, but mixed case
        // ("Mg", a megagram) is never guessed at.
        String symbol = unit.equals(unit.toUpperCase(Locale.ROOT)) ? unit.toLowerCase(Locale.ROOT) : unit;
        MassUnit massUnit = MassUnit.require(symbol);
        return new WeightFrame(massUnit.toGrams(value), massUnit, stable, line);
    }
}
