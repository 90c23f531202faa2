package org.goldbuying.station.lot;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.identity.StationIdentity;
import org.goldbuying.station.lot.LotRequests.PaymentMethod;
import org.goldbuying.station.outbox.Outbox;
import org.goldbuying.station.pricing.HeldPrice;
import org.goldbuying.station.pricing.HeldTick;
import org.goldbuying.station.seller.LimitsConfig;
import org.goldbuying.station.seller.SellerCapGuard;
import org.goldbuying.station.seller.SellerService;

/**
 * What stands between a quoted lot and its payment: approvals given, the quote still locked, its tick still the one
 * in force, the seller's caps and the AML rule still respected. Every payment method ends in {@link #markPaid},
 * inside the transaction that records the payment, so a paid purchase cannot exist without its event.
 */
@ApplicationScoped
public class PaymentGate {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LotRepository lots;
    private final HeldPrice ticks;
    private final SellerCapGuard caps;
    private final SellerService sellers;
    private final LotQuoting quoting;
    private final ApprovalConfig approvals;
    private final LimitsConfig limits;
    private final Outbox outbox;
    private final StationIdentity identity;
    private final Clock clock;

    public PaymentGate(
            LotRepository lots,
            HeldPrice ticks,
            SellerCapGuard caps,
            SellerService sellers,
            LotQuoting quoting,
            ApprovalConfig approvals,
            LimitsConfig limits,
            Outbox outbox,
            StationIdentity identity,
            Clock clock) {
        this.lots = lots;
        this.ticks = ticks;
        this.caps = caps;
        this.sellers = sellers;
        this.quoting = quoting;
        this.approvals = approvals;
        this.limits = limits;
        this.outbox = outbox;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * The lot about to be paid (or voided), locked until the transaction ends: two payment requests for one lot (a
     * double tap, a retry racing the first) are serialised, and the second sees what the first did.
     */
    public Uni<Lot> lockForPayment(UUID id) {
        return lots.require(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Checks that a lot may be paid now. Must run inside the payment's transaction; changes nothing. The seller is
     * checked again: a block decided since the quote (at the centre, or by a supervisor here) stops the payment.
     */
    public Uni<Lot> requirePayable(Lot lot) {
        Instant now = clock.instant();
        return ticks.forQuote()
                .map(latest -> requirePayable(lot, latest, now))
                .call(() -> sellers.requireEligible(UUID.fromString(lot.sellerId()), lot.mineSiteId()))
                .call(() -> caps.requireWithinCaps(
                        lot.sellerType().name(),
                        lot.grossGrams(),
                        periods -> lots.paidGrossGrams(lot.sellerId(), periods)))
                .call(this::requireAmlUnchanged);
    }

    private Lot requirePayable(Lot lot, Optional<HeldTick> latest, Instant now) {
        lot.requirePayable();
        QuoteTerms quote = lot.quote();
        if (now.isAfter(quote.lockedUntil())) {
            throw new StationException(
                    StationError.REQUOTE_NEEDED,
                    "The quote's lock window ended at "
                            + LOCAL_TIME.format(quote.lockedUntil().atZone(limits.timeZone()))
                            + ". Requote the lot before paying.");
        }
        if (latest.isEmpty() || latest.get().sequence() != quote.tickSequence()) {
            throw new StationException(
                    StationError.REQUOTE_NEEDED,
                    "A new official price arrived after this quote. Requote the lot before paying.");
        }
        return lot;
    }

    /**
     * The AML rule is applied when the lot is quoted, with what the seller had been paid by then. Another purchase
     * of the same seller paid since can push the linked total over the threshold: then the lot needs the approval it
     * did not have, through a requote.
     */
    private Uni<Void> requireAmlUnchanged(Lot lot) {
        if (lot.needsAmlApproval()) {
            return Uni.createFrom().voidItem();
        }
        return quoting.paidInAmlWindow(lot)
                .invoke(paid -> {
                    if (ApprovalRules.amlLinked(lot.quote().netPayableMinor(), paid, approvals.amlThresholdMinor())) {
                        throw new StationException(
                                StationError.REQUOTE_NEEDED,
                                "Since this quote the seller was paid for "
                                        + "other lots, and the linked total now reaches the AML threshold. Requote "
                                        + "the lot: a "
                                        + "supervisor must approve it.");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The lot becomes PAID: next gap-free station sequence, verification code, and its purchase event, signed with the
     * station's key and chained to the purchase before it, in the outbox, in the transaction that records the payment
     * (so an event never exists without its payment, and the chain never skips one).
     */
    public Uni<Lot> markPaid(Lot lot, PaymentMethod method, String reference, String clerk) {
        Instant now = clock.instant();
        return lots.nextChainLink().chain(link -> {
            lot.markPaid(new LotPayment(link.sequence(), now, method, reference, VerificationCodes.next(), clerk));
            SignedPurchases.Signed event = SignedPurchases.sign(
                    PurchaseEvents.paid(lot, identity, link.previousHash()), identity.signingKey());
            return outbox.append(lot.id(), Contract.SIGNED_PURCHASE_EVENT.name(), identity.stationId(), event.json())
                    .call(() -> lots.advanceChain(event.chainHash()))
                    .replaceWith(lot);
        });
    }
}
