package org.goldbuying.station.lot;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.goldbuying.station.lot.LotRequests.NewLot;
import org.goldbuying.station.lot.LotRequests.NewXrfLot;
import org.goldbuying.station.pricing.HeldPrice;
import org.goldbuying.station.pricing.PriceTerms;
import org.goldbuying.station.pricing.PriceValidity;
import org.goldbuying.station.pricing.QuoteCalculator;
import org.goldbuying.station.seller.Seller;
import org.goldbuying.station.seller.SellerCapGuard;
import org.goldbuying.station.seller.SellerService;
import org.goldbuying.station.weighing.CounterBalance;

/**
 * A lot comes in at the counter: the seller and the price are checked first (no point weighing when no purchase is
 * possible), then the lot is weighed (a legal-for-trade reading, or a weight typed by hand), checked against the
 * seller's caps and stored: quoted at once at a typed fineness, or ASSAYING until its XRF shots are in.
 */
@ApplicationScoped
public class LotIntake {
    private final LotRepository lots;
    private final HeldPrice ticks;
    private final CounterBalance balance;
    private final SellerService sellers;
    private final SellerCapGuard caps;
    private final LotQuoting quoting;
    private final Clock clock;

    public LotIntake(
            LotRepository lots,
            HeldPrice ticks,
            CounterBalance balance,
            SellerService sellers,
            SellerCapGuard caps,
            LotQuoting quoting,
            Clock clock) {
        this.lots = lots;
        this.ticks = ticks;
        this.balance = balance;
        this.sellers = sellers;
        this.caps = caps;
        this.quoting = quoting;
        this.clock = clock;
    }

    /** Weighs the lot and quotes it at the fineness typed by hand (assay MANUAL: it needs a supervisor). */
    public Uni<Lot> weighAndQuote(NewLot request, String clerk) {
        return eligible(request.sellerId(), request.mineSiteId())
                .chain(eligible -> weigh(request.typedWeight())
                        .map(weighing -> Lot.typedFineness(
                                UUID.randomUUID(),
                                eligible.seller(request.mineSiteId()),
                                weighing,
                                QuoteCalculator.quote(
                                        weighing.grossGrams(),
                                        request.finenessPerMille(),
                                        eligible.terms(),
                                        clock.instant()),
                                clerk)))
                .chain(lot -> Panache.withTransaction(() -> requireWithinCaps(lot)
                        .chain(() -> quoting.markApprovals(lot))
                        .chain(() -> lots.persist(lot))));
    }

    /**
     * Opens a lot for the XRF path: the same checks and legal weighing, but the lot waits in ASSAYING for its shots;
     * the quote is made when they are in. The price is checked now as well, so a clerk does not weigh and shoot a lot
     * that cannot be bought.
     */
    public Uni<Lot> weighForXrf(NewXrfLot request, String clerk) {
        return eligible(request.sellerId(), request.mineSiteId())
                .chain(eligible -> weigh(request.typedWeight())
                        .map(weighing -> Lot.forXrf(
                                UUID.randomUUID(),
                                eligible.seller(request.mineSiteId()),
                                weighing,
                                clerk,
                                clock.instant())))
                .chain(lot ->
                        Panache.withTransaction(() -> requireWithinCaps(lot).chain(() -> lots.persist(lot))));
    }

    /** The seller may sell from this site today, and an official price may be quoted now. */
    private Uni<Eligible> eligible(UUID sellerId, UUID mineSiteId) {
        return Panache.withSession(() -> sellers.requireEligible(sellerId, mineSiteId)
                .chain(seller -> ticks.forQuote()
                        .map(tick -> new Eligible(seller, PriceValidity.require(tick, clock.instant())))));
    }

    private record Eligible(Seller seller, PriceTerms terms) {
        Lot.LotSeller seller(UUID mineSiteId) {
            return new Lot.LotSeller(seller.id.toString(), seller.type, mineSiteId);
        }
    }

    /**
     * A legal-for-trade reading of the registered balance, or the weight typed by hand when the clerk gives one:
     * flagged, and approved by a supervisor before payment (ApprovalReason.TYPED_WEIGHT).
     */
    private Uni<LotWeighing> weigh(LotRequests.TypedWeight typed) {
        if (typed != null) {
            return Uni.createFrom()
                    .item(LotWeighing.typed(typed.grossGrams(), typed.reason().strip(), clock.instant()));
        }
        return balance.weighForTransaction().map(LotWeighing::of);
    }

    private Uni<Void> requireWithinCaps(Lot lot) {
        return caps.requireWithinCaps(
                lot.sellerType().name(), lot.grossGrams(), periods -> lots.paidGrossGrams(lot.sellerId(), periods));
    }
}
