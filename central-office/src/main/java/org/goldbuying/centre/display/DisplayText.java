package org.goldbuying.centre.display;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.goldbuying.centre.display.DisplayPrice.Row;

/**
 * The display as a few short lines of plain text, for SMS and USSD gateways: a heading, one line per purity, the
 * time of the update. When the price is not current the text says so and carries no figure at all.
 */
public final class DisplayText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm O", Locale.ROOT);

    private DisplayText() {}

    /** Words of the text endpoint; the page has its own copy in display.js. */
    private record Words(
            String heading,
            String perGram,
            String simulated,
            String fine,
            String updated,
            String suspended,
            String stale,
            String noPrice) {}

    private static Words words(Language language) {
        return switch (language) {
            case EN ->
                new Words(
                        "Gold buying price",
                        "per gram",
                        "SIMULATED",
                        "Fine gold",
                        "Updated",
                        "Gold buying price SUSPENDED. Do not use an earlier price.",
                        "Gold buying price OUT OF DATE. Do not use an earlier price.",
                        "No official gold price yet.");
            case FR ->
                new Words(
                        "Prix d'achat de l'or",
                        "par gramme",
                        "SIMULE",
                        "Or fin",
                        "Mis a jour",
                        "Prix de l'or SUSPENDU. N'utilisez pas un ancien prix.",
                        "Prix de l'or PERIME. N'utilisez pas un ancien prix.",
                        "Pas encore de prix officiel de l'or.");
            case ES ->
                new Words(
                        "Precio de compra del oro",
                        "por gramo",
                        "SIMULADO",
                        "Oro fino",
                        "Actualizado",
                        "Precio del oro SUSPENDIDO. No use un precio anterior.",
                        "Precio del oro DESACTUALIZADO. No use un precio anterior.",
                        "Aun no hay precio oficial del oro.");
            case SW ->
                new Words(
                        "Bei ya kununua dhahabu",
                        "kwa gramu",
                        "MAJARIBIO",
                        "Dhahabu safi",
                        "Imesasishwa",
                        "Bei ya dhahabu IMESIMAMISHWA. Usitumie bei ya zamani.",
                        "Bei ya dhahabu IMEPITWA NA WAKATI. Usitumie bei ya zamani.",
                        "Bado hakuna bei rasmi ya dhahabu.");
        };
    }

    public static String render(DisplayPrice view, Language language) {
        Words w = words(language);
        List<String> lines = new ArrayList<>();
        String simulated = view.simulated() ? " (" + w.simulated() + ")" : "";
        switch (view.status()) {
            case ACTIVE -> {
                lines.add(w.heading() + ", " + view.currency() + " " + w.perGram() + simulated);
                for (Row row : view.rows()) {
                    String name = "fine".equals(row.key())
                            ? w.fine()
                            : row.perMille().toPlainString() + (row.label() == null ? "" : " (" + row.label() + ")");
                    lines.add(name + ": " + format(row.perGram().minor(), view.currencyExponent(), language));
                }
            }
            case SUSPENDED -> {
                lines.add(w.suspended() + simulated);
                if (view.reason() != null) {
                    lines.add(view.reason());
                }
            }
            case STALE -> lines.add(w.stale() + simulated);
            case NO_PRICE -> lines.add(w.noPrice() + simulated);
        }
        if (view.publishedAt() != null) {
            lines.add(w.updated() + " " + time(view.publishedAt(), ZoneId.of(view.timeZone())));
        }
        return String.join("\n", lines) + "\n";
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** Grouped digits with the language's ASCII punctuation, from integer minor units: no float on the way. */
    static String format(long minor, int exponent, Language language) {
        String plain = BigDecimal.valueOf(Math.abs(minor), exponent).toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                out.append(language.grouping);
            }
            out.append(integer.charAt(i));
        }
        if (dot >= 0) {
            out.append(language.decimal).append(plain.substring(dot + 1));
        }
        return (minor < 0 ? "-" : "") + out;
    }
}
