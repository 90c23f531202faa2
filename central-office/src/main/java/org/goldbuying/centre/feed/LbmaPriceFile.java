package org.goldbuying.centre.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads an LBMA-style price file: a JSON array of {"d": "YYYY-MM-DD", "v": [usd, gbp, eur]}, one entry per auction
 * day, and gives the latest day's USD price. Pure function, no I/O. The file is untrusted: anything that is not
 * exactly this shape, an empty file, a day in the future, two entries for the latest day, or a latest USD value that
 * is missing or not positive is refused with the reason, and no price is given. Earlier days' values are not used,
 * so the zeros LBMA files carry for currencies that did not exist yet are harmless.
 */
public final class LbmaPriceFile {
    private LbmaPriceFile() {}

    /** The latest auction day in the file and its USD per troy ounce price. */
    public record DayPrice(LocalDate day, BigDecimal usdPerTroyOunce) {}

    public static DayPrice latest(String json, LocalDate today) {
        JsonNode root = FeedJson.parse(json, "The LBMA price file");
        if (!root.isArray()) {
            throw new FeedException("The LBMA price file is not a JSON array of daily prices.");
        }
        if (root.isEmpty()) {
            throw new FeedException("The LBMA price file has no prices (empty list).");
        }
        LocalDate latestDay = null;
        JsonNode latestValues = null;
        boolean duplicated = false;
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            String where = "The LBMA price file's entry " + (i + 1);
            if (!entry.isObject()) {
                throw new FeedException(where + " is not an object.");
            }
            LocalDate day = day(entry.get("d"), where);
            JsonNode values = entry.get("v");
            if (values == null || !values.isArray() || values.isEmpty()) {
                throw new FeedException(where + " (" + day + ") has no list of values \"v\".");
            }
            if (day.isAfter(today)) {
                throw new FeedException(where + " is dated " + day + ", after today (" + today + ").");
            }
            if (latestDay == null || day.isAfter(latestDay)) {
                latestDay = day;
                latestValues = values;
                duplicated = false;
            } else if (day.equals(latestDay)) {
                duplicated = true;
            }
        }
        if (duplicated) {
            throw new FeedException("The LBMA price file has two entries for its latest day " + latestDay
                    + "; which one is right cannot be told.");
        }
        BigDecimal usd = FeedJson.price(latestValues.get(0), "The LBMA USD price for " + latestDay);
        return new DayPrice(latestDay, usd);
    }

    private static LocalDate day(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            throw new FeedException(where + " has no date \"d\".");
        }
        try {
            return LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw new FeedException(
                    where + " has a date that is not YYYY-MM-DD: " + FeedJson.abbreviate(node.textValue()) + ".");
        }
    }
}
