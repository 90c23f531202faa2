package org.goldbuying.station.seller;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SellerStandingRepository implements PanacheRepositoryBase<SellerStandingChange, UUID> {

    public Uni<List<SellerStandingChange>> ofSeller(UUID sellerId) {
        return list("sellerId = ?1 order by changedAt, id", sellerId);
    }
}
