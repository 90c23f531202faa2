package org.goldbuying.centre.price;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.goldbuying.contracts.PriceTick;

@ApplicationScoped
public class PublishedTickRepository implements PanacheRepositoryBase<PublishedTick, Long> {

    public Uni<PublishedTick> latest() {
        return find("order by sequence desc").firstResult();
    }

    public Uni<PublishedTick> latestActive() {
        return find("status = ?1 order by sequence desc", PriceTick.Status.ACTIVE)
                .firstResult();
    }
}
