package org.goldbuying.scale.balance;

import java.math.BigDecimal;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;

/**
 * Small strict helpers shared by the frame parsers. Strict on purpose: a weight is read only from text that is
 * exactly a decimal number, so that a garbled byte can never turn into a plausible value.
 */
public final class FrameText {
    /** More digits than any balance displays: longer numbers are line noise, not weights. */
    private static final int MAX_DIGITS = 12;

    private FrameText() {}

    /**
     * Reads an optionally signed decimal: digits with at most one point, at least one digit before the end and
     * no trailing point. No exponent, no grouping, no spaces inside.
     */
    public static BigDecimal decimal(String text, String rawLine) {
        int i = 0;
        int n = text.length();
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            i++;
        }
        int digits = 0;
        int dots = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && dots == 0) {
                dots++;
            } else {
                throw malformed(rawLine, "not a decimal weight: '" + printable(text) + "'");
            }
        }
        if (digits == 0 || digits > MAX_DIGITS || text.endsWith(".")) {
            throw malformed(rawLine, "not a decimal weight: '" + printable(text) + "'");
        }
        return new BigDecimal(text);
    }

    /** Every character is printable ASCII (space to tilde); anything else means a corrupted line. */
    public static void requirePrintable(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw malformed(line, "non-printable byte 0x" + Integer.toHexString(c));
            }
        }
    }

    /** A serial number is a short run of letters, digits and a few separators: anything else is not trusted. */
    public static String serialNumber(String text, String rawLine) {
        String s = text.trim();
        if (s.isEmpty() || s.length() > 32) {
            throw malformed(rawLine, "no serial number in reply");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || c == '-'
                    || c == '_'
                    || c == '/'
                    || c == '.';
            if (!ok) {
                throw malformed(rawLine, "unexpected character in serial number '" + printable(s) + "'");
            }
        }
        return s;
    }

    public static ScaleException malformed(String line, String why) {
        return new ScaleException(ScaleFault.MALFORMED, why + ": '" + printable(line) + "'");
    }

    /** The line as a log-safe string: control bytes escaped, long lines cut. */
    public static String printable(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length() && i < 80; i++) {
            char c = line.charAt(i);
            sb.append(c >= 0x20 && c <= 0x7e ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }
}
