package org.goldbuying.station.lot;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PurchaseReversal;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.identity.StationIdentity;
import org.goldbuying.station.outbox.Outbox;

/**
 * Undoing a paid purchase (counterfeit gold found, a payment that bounced): one supervisor proposes it with a reason,
 * another, who had no hand in the lot, approves it; the approval puts the reversal, signed with the station's key, in
 * the outbox in the same transaction. The lot keeps every figure; the centre takes it out of the reserve.
 */
@ApplicationScoped
public class LotReversals {
    private final PaymentGate gate;
    private final LotShots shots;
    private final Outbox outbox;
    private final StationIdentity identity;
    private final Clock clock;

    public LotReversals(PaymentGate gate, LotShots shots, Outbox outbox, StationIdentity identity, Clock clock) {
        this.gate = gate;
        this.shots = shots;
        this.outbox = outbox;
        this.identity = identity;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Reversal> propose(UUID lotId, PurchaseReversal.Kind kind, String note, String supervisor) {
        return gate.lockForPayment(lotId)
                .invoke(Lot::requireReversible)
                .chain(lot -> Panache.getSession()
                        .chain(session -> session.find(Reversal.class, lotId).chain(existing -> {
                            if (existing != null) {
                                throw new StationException(
                                        StationError.WRONG_STATE,
                                        "A reversal of lot " + lotId + " was proposed by " + existing.proposedBy()
                                                + " already"
                                                + (existing.approvedBy() == null
                                                        ? "; another supervisor approves or leaves it."
                                                        : " and approved by " + existing.approvedBy() + "."));
                            }
                            Reversal reversal = new Reversal(lotId, kind, note, supervisor, clock.instant());
                            return session.persist(reversal).replaceWith(reversal);
                        })));
    }

    @WithTransaction
    public Uni<Reversal> approve(UUID lotId, String supervisor) {
        return gate.lockForPayment(lotId)
                .chain(lot -> shots.enteredBy(lotId).chain(enteredBy -> {
                    lot.requireReversalApprovableBy(supervisor, enteredBy);
                    return Panache.getSession()
                            .chain(session -> session.find(Reversal.class, lotId))
                            .onItem()
                            .ifNull()
                            .failWith(() -> new StationException(
                                    StationError.NOT_FOUND, "No reversal of lot " + lotId + " was proposed."))
                            .chain(reversal -> {
                                Instant now = clock.instant();
                                reversal.approveBy(supervisor, now);
                                String event = SignedPurchases.signReversal(
                                        new PurchaseReversal(
                                                PurchaseReversal.CONTRACT,
                                                UUID.randomUUID(),
                                                lotId,
                                                identity.stationId(),
                                                lot.payment().stationSequence(),
                                                now,
                                                reversal.kind(),
                                                reversal.note(),
                                                reversal.proposedBy(),
                                                supervisor,
                                                identity.signingKey().keyId(),
                                                null),
                                        identity.signingKey());
                                return outbox.append(
                                                lotId, Contract.PURCHASE_REVERSAL.name(), identity.stationId(), event)
                                        .replaceWith(reversal);
                            });
                }));
    }

    @WithSession
    public Uni<Reversal> of(UUID lotId) {
        return Panache.getSession()
                .chain(session -> session.find(Reversal.class, lotId))
                .onItem()
                .ifNull()
                .failWith(() ->
                        new StationException(StationError.NOT_FOUND, "No reversal of lot " + lotId + " was proposed."));
    }
}
