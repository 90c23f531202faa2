package org.goldbuying.station.pricing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;

/** Whether the held tick may be used for a quote now. No tick, a suspended or a stale tick: no quote. */
public final class PriceValidity {
    private PriceValidity() {}

    public static PriceTerms require(Optional<HeldTick> held, Instant now) {
        HeldTick tick = held.orElseThrow(() -> new StationException(
                StationError.NO_PRICE,
                "No official price has reached this station yet. Purchases cannot be quoted until the "
                        + "centre's price arrives."));
        if (tick.suspended()) {
            throw new StationException(
                    StationError.PRICE_SUSPENDED,
                    "The official price is suspended by the central bank: " + tick.suspendedReason());
        }
        PriceTerms terms = tick.terms();
        Duration age = Duration.between(terms.publishedAt(), now);
        if (age.compareTo(terms.maxTickAge()) > 0) {
            throw new StationException(
                    StationError.PRICE_STALE,
                    "The official price held here was published "
                            + age.toMinutes() + " minutes ago, more than the allowed "
                            + terms.maxTickAge().toMinutes()
                            + " minutes. Purchases resume when the link to the centre brings a new price.");
        }
        if (now.isAfter(terms.validUntil())) {
            throw new StationException(
                    StationError.PRICE_STALE, "The official price held here expired at " + terms.validUntil() + ".");
        }
        return terms;
    }
}
