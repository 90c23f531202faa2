package org.goldbuying.station.common;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats integer minor units and grams for people, exactly (BigDecimal through DecimalFormat, never a double). */
public final class MoneyFormat {
    private MoneyFormat() {}

    public static String money(long minor, int exponent, String currency) {
        BigDecimal amount = BigDecimal.valueOf(minor, exponent);
        String pattern = exponent == 0 ? "#,##0" : "#,##0." + "0".repeat(exponent);
        return format(pattern, amount) + " " + currency;
    }

    public static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String format(String pattern, BigDecimal amount) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(amount);
    }
}
