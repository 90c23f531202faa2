package org.goldbuying.station.seller;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Caps on what one seller may sell, in gross grams per calendar month and per calendar year (e.g. Colombia's
 * subsistence panners: 35 g a month, 420 g a year). Plain Java: the caller supplies what was already bought.
 */
public final class SellerCaps {
    private SellerCaps() {}

    /** A seller type's caps; an absent cap means no limit of that kind. */
    public record Caps(Optional<BigDecimal> monthlyGrams, Optional<BigDecimal> yearlyGrams) {}

    /** The calendar periods the caps count in, in the station's time zone: [monthStart, end) and [yearStart, end). */
    public record Periods(Instant monthStart, Instant yearStart, Instant end) {}

    /** Gross grams already bought from the seller this month and this year. */
    public record Bought(BigDecimal thisMonthGrams, BigDecimal thisYearGrams) {}

    /** The periods that hold {@code now}; {@code end} is just after it, so that a purchase paid now counts. */
    public static Periods periods(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        return new Periods(
                local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant(),
                local.toLocalDate().withDayOfYear(1).atStartOfDay(zone).toInstant(),
                now.plusSeconds(1));
    }

    public static Optional<SellerRefusal> check(
            Caps caps, BigDecimal boughtThisMonthGrams, BigDecimal boughtThisYearGrams, BigDecimal lotGrams) {
        if (caps.monthlyGrams().isPresent()) {
            BigDecimal cap = caps.monthlyGrams().get();
            BigDecimal after = boughtThisMonthGrams.add(lotGrams);
            if (after.compareTo(cap) > 0) {
                return Optional.of(refusal("month", cap, boughtThisMonthGrams, lotGrams));
            }
        }
        if (caps.yearlyGrams().isPresent()) {
            BigDecimal cap = caps.yearlyGrams().get();
            BigDecimal after = boughtThisYearGrams.add(lotGrams);
            if (after.compareTo(cap) > 0) {
                return Optional.of(refusal("year", cap, boughtThisYearGrams, lotGrams));
            }
        }
        return Optional.empty();
    }

    private static SellerRefusal refusal(String period, BigDecimal cap, BigDecimal bought, BigDecimal lot) {
        BigDecimal left = cap.subtract(bought).max(BigDecimal.ZERO);
        return new SellerRefusal(
                SellerRefusal.Reason.CAP_EXCEEDED,
                "This lot of " + lot.toPlainString()
                        + " g would take the seller over their cap of " + cap.toPlainString() + " g this " + period
                        + " ("
                        + bought.toPlainString() + " g already bought; " + left.toPlainString() + " g left).");
    }
}
