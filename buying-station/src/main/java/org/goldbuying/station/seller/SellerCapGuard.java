package org.goldbuying.station.seller;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;

/**
 * Refuses a lot that would take its seller over the monthly or yearly cap of their seller type, counting this lot,
 * in the station's calendar ({@link SellerCaps}). What was already bought comes from the caller (the lots), so this
 * package needs nothing of theirs.
 */
@ApplicationScoped
public class SellerCapGuard {
    /** Gross grams already bought from the seller in the caps' periods. */
    @FunctionalInterface
    public interface BoughtGrams {
        Uni<SellerCaps.Bought> in(SellerCaps.Periods periods);
    }

    private final LimitsConfig limits;
    private final Clock clock;

    public SellerCapGuard(LimitsConfig limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Fails with CAP_EXCEEDED and the clerk's sentence when {@code lotGrams} would break a cap. */
    public Uni<Void> requireWithinCaps(String sellerType, BigDecimal lotGrams, BoughtGrams bought) {
        SellerCaps.Caps caps = limits.capsFor(sellerType);
        if (caps.monthlyGrams().isEmpty() && caps.yearlyGrams().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        SellerCaps.Periods periods = SellerCaps.periods(clock.instant(), limits.timeZone());
        return bought.in(periods)
                .invoke(so -> SellerCaps.check(caps, so.thisMonthGrams(), so.thisYearGrams(), lotGrams)
                        .ifPresent(refusal -> {
                            throw new StationException(StationError.CAP_EXCEEDED, refusal.message());
                        }))
                .replaceWithVoid();
    }
}
