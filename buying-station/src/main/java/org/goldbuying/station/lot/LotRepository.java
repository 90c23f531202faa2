package org.goldbuying.station.lot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LotRepository implements PanacheRepositoryBase<Lot, UUID> {

    /** Next gap-free purchase number; must run inside the payment's transaction. */
    public Uni<Long> nextStationSequence() {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "UPDATE station_counter SET value = value + 1 WHERE name = 'purchase' RETURNING value", Long.class)
                .getSingleResult());
    }

    /** Gross grams bought from a seller in [from, to): what counts against their caps. */
    public Uni<BigDecimal> paidGrossGrams(String sellerId, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createQuery(
                "select coalesce(sum(l.grossGrams), 0) from Lot l where l.sellerId = :seller and l.status = :paid"
                        + " and l.paidAt >= :from and l.paidAt < :to", BigDecimal.class)
                .setParameter("seller", sellerId)
                .setParameter("paid", LotStatus.PAID)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult());
    }
}
