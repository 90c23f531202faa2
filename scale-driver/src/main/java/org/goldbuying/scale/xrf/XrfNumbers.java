package org.goldbuying.scale.xrf;

import java.math.BigDecimal;

/** Strict number reading for XRF records: plain decimals only, so line noise never becomes a percentage. */
final class XrfNumbers {
    private static final int MAX_DIGITS = 12;

    private XrfNumbers() {}

    /** Reads an unsigned decimal written with the given decimal separator ('.' or ','). */
    static BigDecimal decimal(String text, char decimalSeparator, String context) {
        int digits = 0;
        int separators = 0;
        StringBuilder normal = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                normal.append(c);
            } else if (c == decimalSeparator && separators == 0 && i > 0 && i < text.length() - 1) {
                separators++;
                normal.append('.');
            } else {
                throw new XrfException(XrfFault.MALFORMED_RECORD, "'" + text + "' is not a number in " + context);
            }
        }
        if (digits == 0 || digits > MAX_DIGITS) {
            throw new XrfException(XrfFault.MALFORMED_RECORD, "'" + text + "' is not a number in " + context);
        }
        return new BigDecimal(normal.toString());
    }

    /** Converts a value in the given unit to percent, exactly (1 % = 10 000 ppm). */
    static BigDecimal toPercent(BigDecimal value, String unit, String context) {
        return switch (unit) {
            case "%" -> value;
            case "ppm" -> value.movePointLeft(4);
            default ->
                throw new XrfException(
                        XrfFault.MALFORMED_RECORD, "unit '" + unit + "' is neither % nor ppm in " + context);
        };
    }
}
