package org.goldbuying.scale.and;

import java.math.BigDecimal;
import java.util.Set;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.FrameText;
import org.goldbuying.scale.balance.MassUnit;
import org.goldbuying.scale.balance.WeightFrame;

/**
 * Parses A&amp;D standard-format output lines (terminator already removed). Pure: no I/O, no state.
 *
 * <p>Grammar: {@code HH,SVVVVVVVVUUU}, e.g. {@code ST,+00123.45  g}
 * <ul>
 *   <li>{@code HH} header: {@code ST} stable, {@code US} unstable, {@code QT} stable count (counting mode, not a
 *       mass), {@code OL} out of range (sign says over or under)</li>
 *   <li>{@code S} sign {@code +} or {@code -}; {@code V} eight characters, zero-padded, with the decimal point</li>
 *   <li>{@code U} unit, three characters, right-justified</li>
 * </ul>
 * An optional comparator field ({@code OK}, {@code HI}, {@code LO}, {@code GO}) may be present as one more
 * comma-separated field; its position is not confirmed, so it is accepted first or last and otherwise ignored.
 * Error replies {@code EC,Exx} are device errors.
 */
public final class AndParser {
    private static final int DATA_LENGTH = 12;
    private static final Set<String> COMPARATOR = Set.of("OK", "HI", "LO", "GO");

    private AndParser() {}

    public static WeightFrame weight(String line) {
        FrameText.requirePrintable(line);
        failOnErrorReply(line);
        String[] fields = withoutComparator(line.split(",", -1), line);
        String header = fields[0];
        String data = fields[1];
        boolean stable;
        switch (header) {
            case "ST" -> stable = true;
            case "US" -> stable = false;
            case "OL" -> {
                if (data.startsWith("-")) {
                    throw new ScaleException(ScaleFault.UNDERLOAD, "A&D out of range (under): " + line);
                }
                throw new ScaleException(ScaleFault.OVERLOAD, "A&D out of range (over): " + line);
            }
            case "QT" ->
                throw new ScaleException(
                        ScaleFault.UNIT_MISMATCH,
                        "balance is in counting mode (QT), not weighing: " + FrameText.printable(line));
            default -> throw FrameText.malformed(line, "unknown A&D header '" + header + "'");
        }
        if (data.length() != DATA_LENGTH) {
            throw FrameText.malformed(line, "A&D data field must be 12 characters, got " + data.length());
        }
        char sign = data.charAt(0);
        if (sign != '+' && sign != '-') {
            throw FrameText.malformed(line, "A&D value without sign");
        }
        String digits = data.substring(1, 9);
        BigDecimal magnitude = FrameText.decimal(digits, line);
        if (digits.charAt(0) == '-' || digits.charAt(0) == '+') {
            throw FrameText.malformed(line, "second sign inside the value");
        }
        String unitField = data.substring(9);
        String unit = unitField.stripLeading();
        if (unit.isEmpty() || unit.length() != unitField.strip().length()) {
            throw FrameText.malformed(line, "A&D unit field must be right-justified and not blank");
        }
        MassUnit massUnit = MassUnit.require(unit);
        BigDecimal value = sign == '-' ? magnitude.negate() : magnitude;
        return new WeightFrame(massUnit.toGrams(value), massUnit, stable, line);
    }

    /** Reads the answer to {@code ?SN}: {@code SN,<serial>}, the serial possibly quoted (not confirmed). */
    public static String serialNumber(String line) {
        FrameText.requirePrintable(line);
        failOnErrorReply(line);
        if (!line.startsWith("SN,")) {
            throw FrameText.malformed(line, "expected SN,<serial>");
        }
        String serial = line.substring(3).strip();
        if (serial.length() >= 2 && serial.startsWith("\"") && serial.endsWith("\"")) {
            serial = serial.substring(1, serial.length() - 1);
        }
        return FrameText.serialNumber(serial, line);
    }

    /** Reads the acknowledgement of Z, T or C: the ASCII ACK byte, or an error reply. */
    public static void acknowledged(String line) {
        if (line.startsWith("EC,")) {
            failOnErrorReply(line);
        }
        if (!line.equals(AndProtocol.ACK)) {
            throw FrameText.malformed(line, "expected the acknowledgement byte");
        }
    }

    private static String[] withoutComparator(String[] fields, String line) {
        if (fields.length == 2) {
            return fields;
        }
        if (fields.length == 3) {
            if (COMPARATOR.contains(fields[0])) {
                return new String[] {fields[1], fields[2]};
            }
            if (COMPARATOR.contains(fields[2])) {
                return new String[] {fields[0], fields[1]};
            }
        }
        throw FrameText.malformed(line, "A&D frames have a header and a data field (and at most a comparator)");
    }

    private static void failOnErrorReply(String line) {
        if (line.startsWith("EC,")) {
            throw new ScaleException(ScaleFault.DEVICE_ERROR, "A&D error reply " + FrameText.printable(line));
        }
    }
}
