package org.goldbuying.scale.sbi;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.FrameText;
import org.goldbuying.scale.balance.MassUnit;
import org.goldbuying.scale.balance.WeightFrame;

/**
 * Parses Sartorius SBI output lines (terminator already removed). Pure: no I/O, no state.
 *
 * <p>Grammar, in columns because SBI is a fixed-width format:
 * <pre>
 *   16-character frame (14 + CR LF):  S _ VVVVVVVV _ UUU
 *       S  sign: '+', '-' or space        _  one space
 *       V  value, right-justified, leading zeros sent as spaces
 *       U  unit, left-justified; all blank while the weight is unstable
 *   22-character frame (20 + CR LF):  IIIIII followed by the 16-character frame
 *       I  identifier: "N" net, "G" or "G#" gross, "T" tare (not a load, refused), padded with spaces
 * </pre>
 * Special frames carry, instead of a value and unit, {@code H} (overload), {@code L} (underload), {@code C}
 * (adjustment running) or {@code Err ###}. Their exact column is not confirmed, so they are recognised by
 * content. A frame of any other length is refused whole rather than read from its columns.
 *
 * <p>Digits below the verification interval are not marked in SBI: the legal check must know e itself.
 */
public final class SbiParser {
    static final int SHORT_FRAME = 14;
    static final int LONG_FRAME = 20;
    private static final Pattern ERROR = Pattern.compile("Err ?[0-9]{1,3}");
    private static final Set<String> LOAD_IDS = Set.of("", "N", "G", "G#", "NET");
    private static final Set<String> TARE_IDS = Set.of("T", "T1", "T2", "PT");

    private SbiParser() {}

    /**
     * Reads one weight frame. An unstable frame has no unit, so its value is read in {@code unitWhenBlank} (the
     * unit the balance is set to) and is never marked stable.
     */
    public static WeightFrame weight(String line, MassUnit unitWhenBlank) {
        FrameText.requirePrintable(line);
        String body = line.length() == LONG_FRAME ? line.substring(LONG_FRAME - SHORT_FRAME) : line;
        failOnSpecialFrame(body, line);
        if (line.length() != SHORT_FRAME && line.length() != LONG_FRAME) {
            throw FrameText.malformed(line, "SBI frames are 16 or 22 characters, this one is " + (line.length() + 2));
        }
        if (line.length() == LONG_FRAME) {
            String idField = line.substring(0, LONG_FRAME - SHORT_FRAME);
            if (!idField.isBlank() && idField.charAt(0) == ' ') {
                throw FrameText.malformed(line, "identifier is not left-justified");
            }
            checkIdentifier(idField.strip(), line);
        }
        char sign = body.charAt(0);
        if ((sign != '+' && sign != '-' && sign != ' ') || body.charAt(1) != ' ' || body.charAt(10) != ' ') {
            throw FrameText.malformed(line, "columns do not match the SBI frame");
        }
        String valueField = body.substring(2, 10);
        String value = valueField.stripLeading();
        if (value.length() != valueField.strip().length()) {
            throw FrameText.malformed(line, "value is not right-justified");
        }
        BigDecimal magnitude = FrameText.decimal(value, line);
        if (value.charAt(0) == '-' || value.charAt(0) == '+') {
            throw FrameText.malformed(line, "sign inside the value field");
        }
        BigDecimal signed = sign == '-' ? magnitude.negate() : magnitude;
        String unitField = body.substring(11, 14);
        String unit = unitField.strip();
        if (!unit.isEmpty() && unitField.charAt(0) == ' ') {
            throw FrameText.malformed(line, "unit is not left-justified");
        }
        if (unit.isEmpty()) {
            return new WeightFrame(unitWhenBlank.toGrams(signed), unitWhenBlank, false, line);
        }
        MassUnit massUnit = MassUnit.require(unit);
        return new WeightFrame(massUnit.toGrams(signed), massUnit, true, line);
    }

    /**
     * Reads the answer to ESC x2_. Its layout is not confirmed (a bare number or one behind a label), so the
     * serial number is the last field on the line, which must look like one.
     */
    public static String serialNumber(String line) {
        FrameText.requirePrintable(line);
        String content = line.strip();
        if (ERROR.matcher(content).matches()) {
            throw new ScaleException(ScaleFault.DEVICE_ERROR, "balance answered " + content);
        }
        int lastSpace = content.lastIndexOf(' ');
        return FrameText.serialNumber(content.substring(lastSpace + 1), line);
    }

    private static void failOnSpecialFrame(String body, String line) {
        String content = body.strip();
        if (content.startsWith("+") || content.startsWith("-")) {
            content = content.substring(1).strip();
        }
        switch (content) {
            case "H", "HH" ->
                throw new ScaleException(ScaleFault.OVERLOAD, "SBI overload frame '" + line.strip() + "'");
            case "L", "LL" ->
                throw new ScaleException(ScaleFault.UNDERLOAD, "SBI underload frame '" + line.strip() + "'");
            case "C" -> throw new ScaleException(ScaleFault.BUSY, "SBI adjustment in progress");
            default -> {
                if (ERROR.matcher(content).matches()) {
                    throw new ScaleException(ScaleFault.DEVICE_ERROR, "balance reported " + content);
                }
            }
        }
    }

    private static void checkIdentifier(String id, String line) {
        if (TARE_IDS.contains(id)) {
            throw FrameText.malformed(line, "a tare frame is not the weight on the pan");
        }
        if (!LOAD_IDS.contains(id)) {
            throw FrameText.malformed(line, "unknown SBI identifier '" + id + "'");
        }
    }
}
