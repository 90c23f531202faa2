package org.goldbuying.station.payment;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.lot.Lot;
import org.goldbuying.station.lot.LotRepository;
import org.goldbuying.station.lot.LotRequests.Payment;
import org.goldbuying.station.lot.LotRequests.PaymentMethod;
import org.goldbuying.station.lot.LotStatus;
import org.goldbuying.station.lot.LotView;
import org.goldbuying.station.lot.LotViews;
import org.goldbuying.station.lot.PaymentGate;
import org.goldbuying.station.lot.QuoteTerms;
import org.goldbuying.station.seller.SellerRepository;
import org.goldbuying.station.shift.ShiftService;

/**
 * Pays a quoted lot its advance (what is paid now; the retention follows the refinery's assay): cash from the
 * clerk's open drawer, a bank transfer with its reference, or mobile money through the gateway. Whatever the method,
 * the lot becomes PAID through {@link PaymentGate#markPaid} in the transaction that confirms the payment, so the
 * purchase event is written with it. A mobile-money transfer that is still PENDING leaves the lot QUOTED; asking
 * again (the same request) asks the gateway again under the same idempotency key, the lot id, so the seller is never
 * paid twice. A FAILED transfer is kept, and the lot can be paid again by any method.
 */
@ApplicationScoped
public class PaymentService {
    private final PaymentGate gate;
    private final LotRepository lots;
    private final PaymentAttemptRepository attempts;
    private final ShiftService shifts;
    private final SellerRepository sellers;
    private final MobileMoneyGateway gateway;
    private final LotViews lotViews;
    private final Clock clock;

    public PaymentService(
            PaymentGate gate,
            LotRepository lots,
            PaymentAttemptRepository attempts,
            ShiftService shifts,
            SellerRepository sellers,
            MobileMoneyGateway gateway,
            LotViews lotViews,
            Clock clock) {
        this.gate = gate;
        this.lots = lots;
        this.attempts = attempts;
        this.shifts = shifts;
        this.sellers = sellers;
        this.gateway = gateway;
        this.lotViews = lotViews;
        this.clock = clock;
    }

    /**
     * What a payment request came to: the lot (PAID or still QUOTED), the attempt that answered it, and the paid lot's
     * view (null while it is not paid), read in the payment's own transaction so that the answer needs no second one.
     */
    public record Outcome(Lot lot, PaymentAttempt attempt, LotView paidView) {
        Outcome(Lot lot, PaymentAttempt attempt) {
            this(lot, attempt, null);
        }
    }

    @WithTransaction
    public Uni<Outcome> pay(UUID lotId, Payment payment, String clerk) {
        if (payment.method() == PaymentMethod.BANK_TRANSFER && payment.reference() == null) {
            throw new StationException(
                    StationError.BAD_REQUEST,
                    "A bank transfer needs its reference "
                            + "(as printed on the transfer slip) before the lot can be marked paid.");
        }
        return gate.lockForPayment(lotId)
                .chain(lot -> attempts.ofLot(lot.id()).chain(previous -> {
                    PaymentAttempt live = previous.stream()
                            .filter(a -> a.status != PaymentStatus.FAILED)
                            .findFirst()
                            .orElse(null);
                    if (live != null && live.status == PaymentStatus.PENDING) {
                        if (payment.method() != PaymentMethod.MOBILE_MONEY) {
                            throw new StationException(
                                    StationError.PAYMENT_PENDING,
                                    "A mobile money transfer for this lot "
                                            + "is pending. Check it again; pay otherwise only once it has failed.");
                        }
                        return askGateway(lot, live, gateway.status(live.idempotencyKey));
                    }
                    if (lot.status() == LotStatus.PAID
                            && live != null
                            && live.method == PaymentMethod.MOBILE_MONEY
                            && payment.method() == PaymentMethod.MOBILE_MONEY) {
                        // the same mobile-money request again (a retry after a lost answer): the answer, not a
                        // second payment
                        return Uni.createFrom().item(new Outcome(lot, live));
                    }
                    return gate.requirePayable(lot).chain(() -> switch (payment.method()) {
                        case CASH -> payCash(lot, clerk, previous.size() + 1);
                        case BANK_TRANSFER -> payByTransfer(lot, payment.reference(), clerk, previous.size() + 1);
                        case MOBILE_MONEY -> startMobileMoney(lot, clerk, previous.size() + 1);
                    });
                }))
                .chain(this::withPaidView);
    }

    @WithSession
    public Uni<List<PaymentView>> attemptsOf(UUID lotId) {
        return lots.require(lotId)
                .chain(lot -> attempts.ofLot(lot.id()))
                .map(list -> list.stream().map(PaymentView::of).toList());
    }

    private Uni<Outcome> withPaidView(Outcome outcome) {
        if (outcome.lot().status() != LotStatus.PAID) {
            return Uni.createFrom().item(outcome);
        }
        return lotViews.view(outcome.lot()).map(view -> new Outcome(outcome.lot(), outcome.attempt(), view));
    }

    private Uni<Outcome> payCash(Lot lot, String clerk, int number) {
        QuoteTerms quote = lot.quote();
        return shifts.payOut(clerk, lot.id(), quote.advanceMinor(), quote.currency(), quote.currencyExponent())
                .chain(shiftId -> {
                    PaymentAttempt attempt = attempt(lot, number, PaymentMethod.CASH, clerk, shiftId);
                    confirm(attempt);
                    return attempts.persist(attempt)
                            .chain(() -> gate.markPaid(lot, PaymentMethod.CASH, null, clerk))
                            .map(paid -> new Outcome(paid, attempt));
                });
    }

    private Uni<Outcome> payByTransfer(Lot lot, String reference, String clerk, int number) {
        return shifts.openShiftId(clerk).chain(shiftId -> {
            PaymentAttempt attempt = attempt(lot, number, PaymentMethod.BANK_TRANSFER, clerk, shiftId);
            attempt.reference = reference;
            confirm(attempt);
            return attempts.persist(attempt)
                    .chain(() -> gate.markPaid(lot, PaymentMethod.BANK_TRANSFER, reference, clerk))
                    .map(paid -> new Outcome(paid, attempt));
        });
    }

    /** Mobile money goes to the number registered with the seller, never one typed at the counter. */
    private Uni<Outcome> startMobileMoney(Lot lot, String clerk, int number) {
        return sellers.findById(UUID.fromString(lot.sellerId())).chain(seller -> {
            if (seller == null || seller.mobileMoneyNumber == null || seller.mobileMoneyNumber.isBlank()) {
                throw new StationException(
                        StationError.NO_MOBILE_MONEY_NUMBER,
                        "The seller has no registered "
                                + "mobile money number. Register it with the seller, or pay by cash or bank transfer.");
            }
            return shifts.openShiftId(clerk).chain(shiftId -> {
                PaymentAttempt attempt = attempt(lot, number, PaymentMethod.MOBILE_MONEY, clerk, shiftId);
                attempt.status = PaymentStatus.PENDING;
                attempt.idempotencyKey = lot.id().toString();
                attempt.payee = seller.mobileMoneyNumber;
                return attempts.persist(attempt)
                        .chain(() -> askGateway(
                                lot,
                                attempt,
                                gateway.payout(new MobileMoneyGateway.Payout(
                                        attempt.idempotencyKey,
                                        attempt.payee,
                                        attempt.amountMinor,
                                        attempt.currency))));
            });
        });
    }

    /**
     * Records the gateway's answer under the lot's key: a new transfer's first answer, or a pending one's status. The
     * call is made inside the transaction so that
     * a confirmation and the lot becoming PAID commit together; if the commit fails after the operator confirmed,
     * the next request asks again under the same key, gets the same confirmed transfer, and pays nothing twice.
     */
    private Uni<Outcome> askGateway(Lot lot, PaymentAttempt attempt, Uni<MobileMoneyGateway.Transfer> answer) {
        return answer.chain(transfer -> {
            if (transfer.reference() != null) {
                attempt.reference = transfer.reference();
            }
            return switch (transfer.state()) {
                case PENDING -> Uni.createFrom().item(new Outcome(lot, attempt));
                case FAILED -> {
                    attempt.status = PaymentStatus.FAILED;
                    attempt.failureReason =
                            transfer.failureReason() == null ? "no reason given" : transfer.failureReason();
                    attempt.settledAt = clock.instant();
                    yield Uni.createFrom().item(new Outcome(lot, attempt));
                }
                case CONFIRMED -> {
                    confirm(attempt);
                    yield gate.markPaid(lot, PaymentMethod.MOBILE_MONEY, transfer.reference(), attempt.requestedBy)
                            .map(paid -> new Outcome(paid, attempt));
                }
            };
        });
    }

    private PaymentAttempt attempt(Lot lot, int number, PaymentMethod method, String clerk, UUID shiftId) {
        PaymentAttempt attempt = new PaymentAttempt();
        attempt.id = UUID.randomUUID();
        attempt.lotId = lot.id();
        attempt.attempt = number;
        attempt.method = method;
        attempt.amountMinor = lot.quote().advanceMinor();
        attempt.currency = lot.quote().currency();
        attempt.shiftId = shiftId;
        attempt.requestedBy = clerk;
        attempt.requestedAt = clock.instant();
        return attempt;
    }

    private void confirm(PaymentAttempt attempt) {
        attempt.status = PaymentStatus.CONFIRMED;
        attempt.settledAt = clock.instant();
    }
}
