package org.goldbuying.centre.policy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class PricingPolicyRepository implements PanacheRepositoryBase<PricingPolicy, Long> {

    public Uni<List<PricingPolicy>> approved() {
        return list("status", PricingPolicy.APPROVED);
    }

    public Uni<List<PricingPolicy>> history() {
        return find("order by id desc").list();
    }

    /** Locked until the transaction ends, so two approvals of one proposal cannot both succeed. */
    public Uni<PricingPolicy> forDecision(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
