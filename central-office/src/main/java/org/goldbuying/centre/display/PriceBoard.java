package org.goldbuying.centre.display;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.goldbuying.centre.display.DisplayPrice.Amount;
import org.goldbuying.centre.display.DisplayPrice.Row;
import org.goldbuying.centre.display.DisplayPrice.Status;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.pricing.PriceBasis;

/**
 * Decides what the display shows from the latest tick and the time. Pure function. Only the latest tick counts:
 * when it is SUSPENDED the display says so rather than falling back to an earlier ACTIVE price, and an ACTIVE
 * tick older than its {@code maxTickAgeSeconds} or past {@code validUntil} is STALE, the same rule by which
 * stations stop quoting.
 */
public final class PriceBoard {
    private final List<Purity> purities;
    private final List<LocalUnit> units;
    private final ZoneId zone;

    public PriceBoard(List<Purity> purities, List<LocalUnit> units, ZoneId zone) {
        this.purities = List.copyOf(purities);
        this.units = List.copyOf(units);
        this.zone = zone;
    }

    public static PriceBoard of(DisplayConfig config) {
        return new PriceBoard(
                config.purities().stream().map(Purity::parse).toList(),
                config.localUnits().orElse(List.of()).stream()
                        .map(LocalUnit::parse)
                        .toList(),
                ZoneId.of(config.timeZone()));
    }

    public DisplayPrice view(Optional<PriceTick> latest, Instant now, boolean feedSimulated) {
        if (latest.isEmpty()) {
            return notCurrent(
                    Status.NO_PRICE, "No official gold price has been published yet.", null, now, feedSimulated);
        }
        PriceTick tick = latest.get();
        boolean simulated = feedSimulated || tick.source().simulated();
        if (!tick.active()) {
            return notCurrent(Status.SUSPENDED, tick.suspendedReason(), tick, now, simulated);
        }
        Instant currentUntil = currentUntil(tick);
        if (now.isAfter(currentUntil)) {
            return notCurrent(
                    Status.STALE,
                    "The last official price, published at " + tick.publishedAt() + ", went out of date at "
                            + currentUntil + ".",
                    tick,
                    now,
                    simulated);
        }
        if (now.isBefore(tick.validFrom())) {
            return notCurrent(
                    Status.STALE,
                    "The latest official price is valid only from " + tick.validFrom() + ".",
                    tick,
                    now,
                    simulated);
        }
        PriceBasis terms = BuyingPrice.terms(
                tick.spotUsdPerTroyOunce(),
                tick.fxLocalPerUsd(),
                tick.currencyExponent(),
                tick.policy().discountPercent(),
                tick.policy().royaltyPercent(),
                tick.policy().feesPercent());
        List<Row> rows = new ArrayList<>();
        rows.add(row("fine", Purity.FINE, terms));
        for (Purity purity : purities) {
            rows.add(row(purity.perMille().toPlainString(), purity, terms));
        }
        return new DisplayPrice(
                Status.ACTIVE,
                null,
                tick.sequence(),
                simulated,
                tick.source().name(),
                tick.publishedAt(),
                currentUntil,
                now,
                zone.getId(),
                tick.currency(),
                tick.currencyExponent(),
                tick.spotUsdPerTroyOunce(),
                tick.fxLocalPerUsd(),
                new DisplayPrice.Deductions(
                        tick.policy().discountPercent(),
                        tick.policy().royaltyPercent(),
                        tick.policy().feesPercent()),
                units(),
                rows);
    }

    /** The earlier of the tick's maximum age and its validity: after it, stations refuse to quote from it. */
    static Instant currentUntil(PriceTick tick) {
        Instant aged = tick.publishedAt().plusSeconds(tick.policy().maxTickAgeSeconds());
        return aged.isBefore(tick.validUntil()) ? aged : tick.validUntil();
    }

    private Row row(String key, Purity purity, PriceBasis terms) {
        List<Amount> perUnit = new ArrayList<>();
        for (LocalUnit unit : units) {
            perUnit.add(amount(BuyingPrice.netPayableMinor(unit.grams(), purity.perMille(), terms), terms));
        }
        return new Row(
                key,
                purity.perMille(),
                purity.label().orElse(null),
                amount(BuyingPrice.netPayableMinor(BigDecimal.ONE, purity.perMille(), terms), terms),
                perUnit);
    }

    private static Amount amount(long minor, PriceBasis terms) {
        return new Amount(minor, BuyingPrice.decimal(minor, terms.currencyExponent()));
    }

    private List<DisplayPrice.Unit> units() {
        return units.stream()
                .map(u -> new DisplayPrice.Unit(u.name(), u.grams()))
                .toList();
    }

    private DisplayPrice notCurrent(Status status, String reason, PriceTick tick, Instant now, boolean simulated) {
        return new DisplayPrice(
                status,
                reason,
                tick == null ? null : tick.sequence(),
                simulated,
                tick == null ? null : tick.source().name(),
                tick == null ? null : tick.publishedAt(),
                null,
                now,
                zone.getId(),
                tick == null ? null : tick.currency(),
                null,
                null,
                null,
                null,
                List.of(),
                List.of());
    }
}
