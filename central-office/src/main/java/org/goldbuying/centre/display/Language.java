package org.goldbuying.centre.display;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;

/** The languages of the public display and its text endpoint, with their number punctuation. */
public enum Language {
    EN(',', '.'),
    FR(' ', ','),
    ES('.', ','),
    SW(',', '.');

    /** ASCII only, so that SMS gateways send the figures as shown. */
    final char grouping;

    final char decimal;

    Language(char grouping, char decimal) {
        this.grouping = grouping;
        this.decimal = decimal;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** English when absent; a typed 400 naming the offered languages when unknown. */
    public static Language parse(String code) {
        if (code == null || code.isBlank()) {
            return EN;
        }
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.trim())) {
                return language;
            }
        }
        throw new CentreException(
                CentreError.BAD_REQUEST,
                "Language \"" + code + "\" is not offered; use one of "
                        + Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", ")) + ".");
    }
}
