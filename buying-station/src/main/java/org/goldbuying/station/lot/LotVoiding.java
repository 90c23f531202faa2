package org.goldbuying.station.lot;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * A supervisor voids a lot that was not paid, with a reason: never anyone who entered something on it (four eyes).
 * Nothing is deleted: the lot keeps every figure and says who voided it and why. The lot is locked as for a payment,
 * so a void and a payment of one lot never overlap.
 */
@ApplicationScoped
public class LotVoiding {
    private final PaymentGate gate;
    private final LotRepository lots;
    private final LotShots shots;
    private final Clock clock;

    public LotVoiding(PaymentGate gate, LotRepository lots, LotShots shots, Clock clock) {
        this.gate = gate;
        this.lots = lots;
        this.shots = shots;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Lot> voidLot(UUID id, String reason, String supervisor) {
        return gate.lockForPayment(id)
                .call(lot -> lots.pendingPayments(lot.id())
                        .chain(pending -> shots.enteredBy(lot.id())
                                .invoke(enteredBy ->
                                        lot.voidBy(supervisor, reason, clock.instant(), pending, enteredBy))));
    }
}
