package org.goldbuying.station.payment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PaymentAttemptRepository implements PanacheRepositoryBase<PaymentAttempt, UUID> {

    public Uni<List<PaymentAttempt>> ofLot(UUID lotId) {
        return list("lotId = ?1 order by attempt", lotId);
    }
}
