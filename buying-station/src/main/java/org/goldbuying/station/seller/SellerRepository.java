package org.goldbuying.station.seller;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SellerRepository implements PanacheRepositoryBase<Seller, UUID> {

    public Uni<Seller> findByNationalId(String nationalId) {
        return find("nationalId", nationalId).firstResult();
    }

    public Uni<Seller> findByLicence(String licenceNumber) {
        return find("licenceNumber", licenceNumber).firstResult();
    }
}
