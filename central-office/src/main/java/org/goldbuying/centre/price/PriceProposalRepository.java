package org.goldbuying.centre.price;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class PriceProposalRepository implements PanacheRepositoryBase<PriceProposal, Long> {

    /** Held feed values nobody has decided on yet, oldest first. */
    public Uni<List<PriceProposal>> pendingHeld() {
        return list(
                "kind = ?1 and status in (?2, ?3) order by id",
                PriceProposal.KIND_HELD,
                PriceProposal.HELD,
                PriceProposal.PROPOSED);
    }

    /** The pending ones, then the latest decided ones, newest first. */
    public Uni<List<PriceProposal>> latest(int limit) {
        return find("order by case when status in ('HELD', 'PROPOSED') then 0 else 1 end, id desc")
                .page(0, limit)
                .list();
    }

    public Uni<PriceProposal> forDecision(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
