package org.goldbuying.station.lot;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.goldbuying.station.pricing.HeldPrice;
import org.goldbuying.station.pricing.PriceTerms;
import org.goldbuying.station.pricing.PriceValidity;
import org.goldbuying.station.pricing.Quote;
import org.goldbuying.station.pricing.QuoteCalculator;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Quotes an assayed lot against the tick held now and marks the approvals the quote needs ({@link ApprovalRules}),
 * keeping the AML record of linked transactions; quotes a QUOTED lot again (requote) and works its approvals out
 * again after something the approver did not see.
 */
@ApplicationScoped
public class LotQuoting {
    private final LotRepository lots;
    private final HeldPrice ticks;
    private final ApprovalConfig approvals;
    private final Clock clock;

    public LotQuoting(LotRepository lots, HeldPrice ticks, ApprovalConfig approvals, Clock clock) {
        this.lots = lots;
        this.ticks = ticks;
        this.approvals = approvals;
        this.clock = clock;
    }

    /**
     * Quotes a lot whose fineness the assay has set, against the tick held now, and marks its approvals. Must run
     * inside the caller's transaction. Fails with the price's reason (no tick, suspended, stale) and changes nothing
     * then.
     */
    public Uni<Lot> quoteAssayed(Lot lot) {
        return ticks.forQuote()
                .chain(tick -> {
                    PriceTerms terms = PriceValidity.require(tick, clock.instant()); // refuse before the AML query
                    return paidInAmlWindow(lot)
                            .invoke(paid -> {
                                Quote quote = QuoteCalculator.quote(
                                        lot.grossGrams(), lot.assay().finenessPerMille(), terms, clock.instant());
                                lot.quote(quote, reasons(lot, quote.netPayableMinor(), paid));
                            })
                            .chain(paid -> recordAmlIfLinked(lot, paid));
                })
                .replaceWith(lot);
    }

    /**
     * Quotes a QUOTED lot again against the tick held now, keeping its legal weighing and its assay: after the lock
     * window ended or a new official tick arrived, so the clerk does not weigh again. Every approval is asked for
     * again, because the supervisor approved other figures; a density mismatch found earlier still needs one.
     */
    @WithTransaction
    public Uni<Lot> requote(UUID id) {
        return lots.require(id)
                .invoke(lot -> lot.requireQuoted("can be quoted again"))
                .chain(this::quoteAssayed);
    }

    /**
     * Marks the approvals a QUOTED lot needs now (after its quote, or after something the approver did not see, such
     * as a density mismatch): any approval given before no longer counts. Linked transactions over the AML threshold
     * are also recorded. Must run inside the caller's transaction.
     */
    public Uni<Lot> markApprovals(Lot lot) {
        return paidInAmlWindow(lot)
                .invoke(paid -> lot.requireApprovals(reasons(lot, lot.quote().netPayableMinor(), paid)))
                .chain(paid -> recordAmlIfLinked(lot, paid))
                .replaceWith(lot);
    }

    /** The approvals a lot quoted at {@code netPayableMinor} needs. */
    public EnumSet<ApprovalReason> reasons(Lot lot, long netPayableMinor, long paidInWindowMinor) {
        return ApprovalRules.reasons(lot.approvalFacts(netPayableMinor, paidInWindowMinor), approvals.limits());
    }

    /** The amounts of the approval rules. */
    public ApprovalRules.Limits limits() {
        return approvals.limits();
    }

    /** The start of the AML rule's rolling window, now. */
    public Instant amlWindowStart() {
        return clock.instant().minus(approvals.amlWindow());
    }

    /** What the lot's seller was paid in the AML window, in the current session. */
    Uni<Long> paidInAmlWindow(Lot lot) {
        return lots.paidNetMinorSince(lot.sellerId(), amlWindowStart());
    }

    /** The linked-transactions record of a lot that needs the AML approval, in any session. */
    public Uni<Integer> recordAml(Mutiny.QueryProducer queries, Lot lot, long paidInWindowMinor) {
        return LotRepository.recordAml(
                queries,
                lot,
                paidInWindowMinor + lot.quote().netPayableMinor(),
                approvals.amlThresholdMinor(),
                (int) approvals.amlWindow().toDays(),
                clock.instant());
    }

    private Uni<Void> recordAmlIfLinked(Lot lot, long paidInWindowMinor) {
        if (!lot.needsAmlApproval()) {
            return Uni.createFrom().voidItem();
        }
        // the lot must exist before its AML record refers to it
        return lots.persist(lot)
                .chain(() -> lots.flush())
                .chain(() -> Panache.getSession().chain(session -> recordAml(session, lot, paidInWindowMinor)))
                .replaceWithVoid();
    }
}
