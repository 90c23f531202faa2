package org.goldbuying.station.lot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.station.StationConfig;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.lot.LotRequests.NewLot;
import org.goldbuying.station.lot.LotRequests.NewXrfLot;
import org.goldbuying.station.lot.LotRequests.PaymentMethod;
import org.goldbuying.station.outbox.Outbox;
import org.goldbuying.station.pricing.PriceTerms;
import org.goldbuying.station.pricing.HeldPrice;
import org.goldbuying.station.pricing.HeldTick;
import org.goldbuying.station.pricing.PriceValidity;
import org.goldbuying.station.pricing.QuoteCalculator;
import org.goldbuying.station.seller.LimitsConfig;
import org.goldbuying.station.seller.Seller;
import org.goldbuying.station.seller.SellerCaps;
import org.goldbuying.station.seller.SellerService;
import org.goldbuying.station.weighing.CounterBalance;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The life of a lot at the counter: weigh, assay (typed, or XRF shots via {@code assay/}), quote, approve, then pay
 * with the purchase event in the same transaction.
 */
@ApplicationScoped
public class LotService {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final LotRepository lots;
    private final HeldPrice ticks;
    private final CounterBalance balance;
    private final Outbox outbox;
    private final StationConfig station;
    private final SellerService sellers;
    private final LimitsConfig limits;
    private final ApprovalConfig approvals;
    private final Clock clock;

    public LotService(LotRepository lots, HeldPrice ticks, CounterBalance balance, Outbox outbox,
            StationConfig station, SellerService sellers, LimitsConfig limits, ApprovalConfig approvals, Clock clock) {
        this.lots = lots;
        this.approvals = approvals;
        this.sellers = sellers;
        this.limits = limits;
        this.ticks = ticks;
        this.balance = balance;
        this.outbox = outbox;
        this.station = station;
        this.clock = clock;
    }

    /**
     * Checks the seller and the price first (no point weighing when no purchase is possible), takes a
     * legal-for-trade reading from the balance, quotes it against the held tick, checks the seller's caps with this
     * lot's weight and stores the quoted lot.
     */
    public Uni<Lot> weighAndQuote(NewLot request, String clerk) {
        return Panache.withSession(() -> sellers.requireEligible(request.sellerId(), request.mineSiteId())
                        .chain(seller -> ticks.forQuote().map(tick -> new Eligible(seller, validTerms(tick)))))
                .chain(eligible -> weigh(request.typedWeight())
                        .map(weighing -> Lot.quoted(UUID.randomUUID(), eligible.seller().id.toString(),
                                eligible.seller().type, request.mineSiteId(), weighing,
                                PurchaseEvent.AssayMethod.MANUAL,
                                QuoteCalculator.quote(weighing.grossGrams(), request.finenessPerMille(),
                                        eligible.terms(), clock.instant()))))
                .invoke(lot -> lot.createdBy = clerk)
                .chain(lot -> Panache.withTransaction(() -> requireWithinCaps(lot)
                        .chain(() -> flagApprovals(lot))
                        .chain(() -> lots.persist(lot))));
    }

    /**
     * A legal-for-trade reading of the registered balance, or the weight typed by hand when the clerk gives one:
     * flagged, and approved by a supervisor before payment (ApprovalRules.TYPED_WEIGHT).
     */
    private Uni<LotWeighing> weigh(LotRequests.TypedWeight typed) {
        if (typed != null) {
            return Uni.createFrom().item(LotWeighing.typed(typed.grossGrams(), typed.reason(), clock.instant()));
        }
        return balance.weighForTransaction().map(LotWeighing::of);
    }

    /**
     * Opens a lot for the XRF path: the same checks and legal weighing as {@link #weighAndQuote}, but the lot waits
     * in ASSAYING for its shots; the quote is made when they are in ({@link #quoteAssayed}). The price is checked
     * now as well, so a clerk does not weigh and shoot a lot that cannot be bought.
     */
    public Uni<Lot> weighForXrf(NewXrfLot request, String clerk) {
        return Panache.withSession(() -> sellers.requireEligible(request.sellerId(), request.mineSiteId())
                        .chain(seller -> ticks.forQuote().map(tick -> new Eligible(seller, validTerms(tick)))))
                .chain(eligible -> weigh(request.typedWeight())
                        .map(weighing -> Lot.assaying(UUID.randomUUID(), eligible.seller().id.toString(),
                                eligible.seller().type, request.mineSiteId(), weighing, clock.instant())))
                .invoke(lot -> {
                    lot.createdBy = clerk;
                    lot.assayNote = "Weighed. Take the XRF shots now.";
                })
                .chain(lot -> Panache.withTransaction(() -> requireWithinCaps(lot).chain(() -> lots.persist(lot))));
    }

    /**
     * Quotes a lot whose fineness the assay has just set, against the tick held now, and marks its approvals. Must
     * run inside the caller's transaction. Fails with the price's reason (no tick, suspended, stale) and changes
     * nothing then.
     */
    public Uni<Lot> quoteAssayed(Lot lot) {
        return ticks.forQuote().chain(tick -> {
            PriceTerms terms = validTerms(tick); // refuse before the AML query when there is no price
            return paidInAmlWindow(lot).invoke(paid -> quote(lot, terms, paid))
                    .chain(paid -> recordAmlIfLinked(lot, paid));
        }).replaceWith(lot);
    }

    /**
     * Quotes an assayed lot against the held tick and marks the approvals it needs, given what the seller was paid
     * in the AML window. Plain computation on the lot, for a caller that already holds what it needs (the XRF
     * path); fails with the price's reason and changes nothing then. An AML_LINKED approval also needs its record
     * ({@link LotRepository#recordAml}), which the caller writes.
     */
    public void quote(Lot lot, Optional<HeldTick> tick, long paidInWindowMinor) {
        quote(lot, validTerms(tick), paidInWindowMinor);
    }

    private void quote(Lot lot, PriceTerms terms, long paidInWindowMinor) {
        lot.applyQuote(QuoteCalculator.quote(lot.grossGrams, lot.finenessPerMille, terms, clock.instant()));
        lot.assayNote = null;
        markApprovals(lot, paidInWindowMinor);
    }

    /** The start of the AML rule's rolling window, now. */
    public Instant amlWindowStart() {
        return clock.instant().minus(approvals.amlWindow());
    }

    /** The linked-transactions record of a lot that needs the AML approval, in any session. */
    Uni<Integer> recordAml(Mutiny.QueryProducer queries, Lot lot, long paidInWindowMinor) {
        return LotRepository.recordAml(queries, lot, paidInWindowMinor + lot.netPayableMinor,
                approvals.amlThresholdMinor(), (int) approvals.amlWindow().toDays(), clock.instant());
    }

    /**
     * Quotes a QUOTED lot again against the tick held now, keeping its legal weighing and its assay: after the lock
     * window ended or a new official tick arrived, so the clerk does not weigh again. Every approval is asked for
     * again, because the supervisor approved other figures; a density mismatch found earlier still needs one.
     */
    @WithTransaction
    public Uni<Lot> requote(UUID id) {
        return lots.findById(id).onItem().ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No lot with id " + id + "."))
                .invoke(lot -> {
                    if (lot.status != LotStatus.QUOTED) {
                        throw new StationException(StationError.WRONG_STATE,
                                "Lot " + lot.id + " is " + lot.status + "; only a QUOTED lot can be quoted again.");
                    }
                })
                .chain(this::quoteAssayed)
                .invoke(LotService::withdrawApproval);
    }

    /**
     * Works out a QUOTED lot's approvals again after something the approver did not see (a density mismatch): any
     * approval given before no longer counts. Must run inside the caller's transaction.
     */
    public Uni<Lot> reviewApprovals(Lot lot) {
        return flagApprovals(lot).invoke(() -> withdrawApproval(lot)).replaceWith(lot);
    }

    private static void withdrawApproval(Lot lot) {
        lot.approvedBy = null;
        lot.approvedAt = null;
    }

    /** Marks the approvals the lot needs; linked transactions over the AML threshold are also recorded. */
    private Uni<Void> flagApprovals(Lot lot) {
        return paidInAmlWindow(lot).invoke(paid -> markApprovals(lot, paid))
                .chain(paid -> recordAmlIfLinked(lot, paid));
    }

    private Uni<Long> paidInAmlWindow(Lot lot) {
        return lots.paidNetMinorSince(lot.sellerId, amlWindowStart());
    }

    private void markApprovals(Lot lot, long paidInWindowMinor) {
        List<String> reasons = ApprovalRules.reasons(lot.netPayableMinor, paidInWindowMinor,
                approvals.largeLotMinor(), approvals.amlThresholdMinor(),
                lot.assayMethod == PurchaseEvent.AssayMethod.MANUAL, lot.densityFlag != null, lot.weightTyped());
        lot.approvalReasons = reasons.isEmpty() ? null : String.join(",", reasons);
    }

    private Uni<Void> recordAmlIfLinked(Lot lot, long paidInWindowMinor) {
        if (!lot.needsAmlApproval()) {
            return Uni.createFrom().voidItem();
        }
        // the lot must exist before its AML record refers to it
        return lots.persist(lot).chain(() -> lots.flush())
                .chain(() -> Panache.getSession().chain(session -> recordAml(session, lot, paidInWindowMinor)))
                .replaceWithVoid();
    }

    /**
     * A supervisor approves a lot that needs it. Four eyes: never the clerk who weighed and quoted it. On a lot whose
     * assay raised fraud flags (held in ASSAYING) the approval releases the assay, and the lot is quoted at once;
     * the quote's own approvals (large value, AML) then still need a supervisor who has seen the figures.
     */
    @WithTransaction
    public Uni<Lot> approve(UUID id, String supervisor) {
        return lots.findById(id).onItem().ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No lot with id " + id + "."))
                .invoke(lot -> requireOtherPerson(lot, supervisor))
                .chain(lot -> lot.status == LotStatus.ASSAYING ? release(lot, supervisor)
                        : Uni.createFrom().item(approveQuoted(lot, supervisor)));
    }

    private static void requireOtherPerson(Lot lot, String supervisor) {
        if (supervisor.equals(lot.createdBy)) {
            throw new StationException(StationError.SELF_APPROVAL, "You weighed this lot yourself; "
                    + "another supervisor must approve it (four eyes).");
        }
    }

    private Lot approveQuoted(Lot lot, String supervisor) {
        if (lot.status != LotStatus.QUOTED) {
            throw new StationException(StationError.WRONG_STATE,
                    "Lot " + lot.id + " is " + lot.status + "; only a QUOTED lot can be approved.");
        }
        if (!lot.needsApproval()) {
            throw new StationException(StationError.WRONG_STATE, "Lot " + lot.id + " needs no approval.");
        }
        if (lot.approvedBy != null) {
            throw new StationException(StationError.WRONG_STATE,
                    "Lot " + lot.id + " was already approved by " + lot.approvedBy + ".");
        }
        lot.approvedBy = supervisor;
        lot.approvedAt = clock.instant();
        return lot;
    }

    private Uni<Lot> release(Lot lot, String supervisor) {
        if (!lot.assayHeld()) {
            throw new StationException(StationError.WRONG_STATE, "Lot " + lot.id + " is still being assayed and "
                    + "has no flag to approve; finish the XRF shots first.");
        }
        lot.assayReleasedBy = supervisor;
        lot.assayReleasedAt = clock.instant();
        return quoteAssayed(lot);
    }

    private record Eligible(Seller seller, PriceTerms terms) {
    }

    /** Checks the seller's monthly and yearly caps, counting this lot, in the station's calendar. */
    private Uni<Void> requireWithinCaps(Lot lot) {
        SellerCaps.Caps caps = limits.capsFor(lot.sellerType.name());
        if (caps.monthlyGrams().isEmpty() && caps.yearlyGrams().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ZonedDateTime now = clock.instant().atZone(limits.timeZone());
        ZonedDateTime monthStart = now.toLocalDate().withDayOfMonth(1).atStartOfDay(limits.timeZone());
        ZonedDateTime yearStart = now.toLocalDate().withDayOfYear(1).atStartOfDay(limits.timeZone());
        Instant end = now.toInstant().plusSeconds(1);
        return lots.paidGrossGrams(lot.sellerId, monthStart.toInstant(), end)
                .chain(month -> lots.paidGrossGrams(lot.sellerId, yearStart.toInstant(), end)
                        .invoke(year -> SellerCaps.check(caps, month, year, lot.grossGrams).ifPresent(refusal -> {
                            throw new StationException(StationError.CAP_EXCEEDED, refusal.message());
                        })))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Lot> find(UUID id) {
        return lots.findById(id).onItem().ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No lot with id " + id + "."));
    }

    /**
     * The lot about to be paid, locked until the payment's transaction ends: two payment requests for one lot (a
     * double tap, a retry racing the first) are serialised, and the second sees what the first did.
     */
    public Uni<Lot> lockForPayment(UUID id) {
        return lots.findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No lot with id " + id + "."));
    }

    /**
     * Checks that a lot may be paid now: approvals given, the quote still locked, its tick still the one in force,
     * the seller's caps still respected. Must run inside the payment's transaction; changes nothing.
     */
    public Uni<Lot> requirePayable(Lot lot) {
        Instant now = clock.instant();
        return ticks.forQuote().map(latest -> requirePayable(lot, latest, now)).call(this::requireWithinCaps)
                .call(this::requireAmlUnchanged);
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
        return paidInAmlWindow(lot).invoke(paid -> {
            if (ApprovalRules.amlLinked(lot.netPayableMinor, paid, approvals.amlThresholdMinor())) {
                throw new StationException(StationError.REQUOTE_NEEDED, "Since this quote the seller was paid for "
                        + "other lots, and the linked total now reaches the AML threshold. Requote the lot: a "
                        + "supervisor must approve it.");
            }
        }).replaceWithVoid();
    }

    /**
     * The lot becomes PAID: next gap-free station sequence, verification code, and its purchase event in the outbox.
     * Every payment method ends here, inside the transaction that records the payment, so a paid purchase cannot
     * exist without its event (and an event never without its payment).
     */
    public Uni<Lot> markPaid(Lot lot, PaymentMethod method, String reference, String clerk) {
        Instant now = clock.instant();
        return lots.nextStationSequence().chain(sequence -> {
            lot.status = LotStatus.PAID;
            lot.paidBy = clerk;
            lot.stationSequence = sequence;
            lot.paidAt = now;
            lot.paymentMethod = method.name();
            lot.paymentReference = reference;
            lot.verificationCode = VerificationCodes.next();
            String event = Contract.PURCHASE_EVENT.write(PurchaseEvents.paid(lot, station.id(), station.region()));
            return outbox.append(lot.id, Contract.PURCHASE_EVENT.name(), station.id(), event).replaceWith(lot);
        });
    }

    /**
     * A supervisor voids a lot that was not paid, with a reason. Nothing is deleted: the lot keeps every figure and
     * says who voided it and why. A paid lot is not voided here: its purchase is already on its way to the centre's
     * reserve, and reversing it needs a reversal event the purchase contract does not have yet.
     */
    @WithTransaction
    public Uni<Lot> voidLot(UUID id, String reason, String supervisor) {
        return lockForPayment(id).call(lot -> lots.pendingPayments(lot.id).invoke(pending -> {
            if (lot.status == LotStatus.PAID) {
                throw new StationException(StationError.WRONG_STATE, "Lot " + lot.id + " is PAID; a paid purchase "
                        + "cannot be voided at the station (it is already reported to the centre).");
            }
            if (lot.status != LotStatus.QUOTED) {
                throw new StationException(StationError.WRONG_STATE,
                        "Lot " + lot.id + " is " + lot.status + "; only a QUOTED lot can be voided.");
            }
            if (pending > 0) {
                throw new StationException(StationError.PAYMENT_PENDING, "A mobile money transfer for lot " + lot.id
                        + " is pending; it cannot be voided until the transfer is confirmed or has failed.");
            }
            lot.status = LotStatus.VOID;
            lot.voidReason = reason.strip();
            lot.voidedBy = supervisor;
            lot.voidedAt = clock.instant();
        }));
    }

    private Lot requirePayable(Lot lot, Optional<HeldTick> latest, Instant now) {
        if (lot.status != LotStatus.QUOTED) {
            throw new StationException(StationError.WRONG_STATE,
                    "Lot " + lot.id + " is " + lot.status + "; only a QUOTED lot can be paid.");
        }
        if (lot.needsApproval() && lot.approvedBy == null) {
            throw new StationException(StationError.APPROVAL_REQUIRED, "This lot needs a supervisor's approval ("
                    + lot.approvalReasons.replace(",", ", ") + ") before it may be paid.");
        }
        if (now.isAfter(lot.lockedUntil)) {
            throw new StationException(StationError.REQUOTE_NEEDED,
                    "The quote's lock window ended at " + LOCAL_TIME.format(lot.lockedUntil.atZone(limits.timeZone()))
                            + ". Requote the lot before paying.");
        }
        if (latest.isEmpty() || latest.get().sequence() != lot.tickSequence.longValue()) {
            throw new StationException(StationError.REQUOTE_NEEDED,
                    "A new official price arrived after this quote. Requote the lot before paying.");
        }
        return lot;
    }

    private PriceTerms validTerms(Optional<HeldTick> latest) {
        return PriceValidity.require(latest, clock.instant());
    }
}
