package org.goldbuying.scale.mtsics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.FrameText;
import org.goldbuying.scale.balance.MassUnit;
import org.goldbuying.scale.balance.WeightFrame;

/**
 * Parses MT-SICS reply lines. Pure: no I/O, no state. Fields are split on whitespace (values are space-padded,
 * so columns are not reliable); a quoted field may contain spaces. Anything that does not fit the grammar is
 * MALFORMED, and no weight is ever taken from such a line.
 */
public final class MtSicsParser {
    private static final int MAX_FIELDS = 8;

    private MtSicsParser() {}

    public static MtSicsReply parse(String line) {
        List<String> tokens = tokenize(line);
        if (tokens.isEmpty()) {
            throw malformed(line, "empty reply");
        }
        String command = tokens.get(0);
        if (!isCommandToken(command)) {
            throw malformed(line, "not an MT-SICS command identifier");
        }
        if (command.equals("ES") || command.equals("ET") || command.equals("EL")) {
            if (tokens.size() != 1) {
                throw malformed(line, "error reply with extra fields");
            }
            return new MtSicsReply(command, "", List.of(), line);
        }
        if (tokens.size() < 2) {
            throw malformed(line, "reply without a status field");
        }
        String status = tokens.get(1);
        if (status.length() != 1 || "ABDILS+-E".indexOf(status.charAt(0)) < 0) {
            throw malformed(line, "unknown status '" + status + "'");
        }
        return new MtSicsReply(command, status, tokens.subList(2, tokens.size()), line);
    }

    /**
     * Reads a weight reply (to S, SI, SIR or T). A stable frame comes only from status S; status D is a live,
     * unstable value; everything else is a typed fault.
     */
    public static WeightFrame weight(MtSicsReply reply) {
        failOnErrorReply(reply);
        if (!reply.command().equals("S") && !reply.command().equals("T")) {
            throw malformed(reply.rawLine(), "expected a weight reply, got command " + reply.command());
        }
        switch (reply.status()) {
            case "S", "D" -> {
                if (reply.fields().size() != 2) {
                    throw malformed(reply.rawLine(), "weight reply needs a value and a unit");
                }
                BigDecimal value = decimal(reply.fields().get(0), reply.rawLine());
                MassUnit unit = MassUnit.require(reply.fields().get(1));
                return new WeightFrame(unit.toGrams(value), unit, reply.status().equals("S"), reply.rawLine());
            }
            case "I" ->
                throw new ScaleException(ScaleFault.UNSTABLE, "balance answered 'S I': no stable weight in time");
            case "+" -> throw new ScaleException(ScaleFault.OVERLOAD, reply.rawLine());
            case "-" -> throw new ScaleException(ScaleFault.UNDERLOAD, reply.rawLine());
            default -> throw malformed(reply.rawLine(), "status '" + reply.status() + "' is not valid for a weight");
        }
    }

    /** Reads the serial number from an I4 reply ({@code I4 A "<serial>"}). */
    public static String serialNumber(MtSicsReply reply) {
        failOnErrorReply(reply);
        if (!reply.command().equals("I4")
                || !reply.status().equals("A")
                || reply.fields().size() != 1) {
            throw malformed(reply.rawLine(), "expected I4 A \"<serial>\"");
        }
        return reply.fields().get(0);
    }

    /** Checks a zero reply: {@code Z A} is done; busy and out-of-range replies are typed faults. */
    public static void zeroDone(MtSicsReply reply) {
        failOnErrorReply(reply);
        String command = reply.command();
        if (!command.equals("Z") && !command.equals("ZI") && !command.equals("ZC")) {
            throw malformed(reply.rawLine(), "expected a zero reply");
        }
        switch (reply.status()) {
            case "A", "D", "S" -> {
                // done (ZI answers D or S with the zero's stability)
            }
            case "I" -> throw new ScaleException(ScaleFault.BUSY, "zero not executed: " + reply.rawLine());
            case "+" -> throw new ScaleException(ScaleFault.OVERLOAD, "zero out of range: " + reply.rawLine());
            case "-" -> throw new ScaleException(ScaleFault.UNDERLOAD, "zero out of range: " + reply.rawLine());
            default -> throw malformed(reply.rawLine(), "status '" + reply.status() + "' is not valid for zero");
        }
    }

    private static void failOnErrorReply(MtSicsReply reply) {
        switch (reply.command()) {
            case "ES" -> throw new ScaleException(ScaleFault.DEVICE_ERROR, "ES: command not understood by the balance");
            case "ET" ->
                throw new ScaleException(ScaleFault.MALFORMED, "ET: transmission error reported by the balance");
            case "EL" -> throw new ScaleException(ScaleFault.DEVICE_ERROR, "EL: logical error reported by the balance");
            default -> {
                // not an error reply
            }
        }
    }

    private static BigDecimal decimal(String text, String line) {
        return FrameText.decimal(text, line);
    }

    private static boolean isCommandToken(String token) {
        if (token.isEmpty() || token.length() > 4 || token.charAt(0) < 'A' || token.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tokenize(String line) {
        List<String> tokens = new ArrayList<>(4);
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    throw malformed(line, "unterminated quoted field");
                }
                tokens.add(line.substring(i + 1, close));
                i = close + 1;
            } else if (c < 0x20 || c > 0x7e) {
                throw malformed(line, "non-printable byte 0x" + Integer.toHexString(c));
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                    char d = line.charAt(i);
                    if (d < 0x20 || d > 0x7e || d == '"') {
                        throw malformed(line, "unexpected byte 0x" + Integer.toHexString(d));
                    }
                    i++;
                }
                tokens.add(line.substring(start, i));
            }
            if (tokens.size() > MAX_FIELDS) {
                throw malformed(line, "too many fields");
            }
        }
        return tokens;
    }

    private static ScaleException malformed(String line, String why) {
        return FrameText.malformed(line, why);
    }
}
