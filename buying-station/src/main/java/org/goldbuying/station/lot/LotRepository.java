package org.goldbuying.station.lot;

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
}
