package org.goldbuying.station.payment;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PaymentAttemptRepository implements PanacheRepositoryBase<PaymentAttempt, UUID> {

    public Uni<List<PaymentAttempt>> ofLot(UUID lotId) {
        return list("lotId = ?1 order by attempt", lotId);
    }
}
