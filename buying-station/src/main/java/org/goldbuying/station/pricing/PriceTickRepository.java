package org.goldbuying.station.pricing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PriceTickRepository implements PanacheRepositoryBase<StoredPriceTick, Long> {

    /** The tick with the highest sequence: the one in force. */
    public Uni<StoredPriceTick> latest() {
        return find("order by sequence desc").firstResult();
    }
}
