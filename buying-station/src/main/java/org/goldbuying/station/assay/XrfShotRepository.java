package org.goldbuying.station.assay;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.goldbuying.station.lot.LotShots;
import org.goldbuying.station.lot.ShotView;
import org.hibernate.reactive.mutiny.Mutiny;

@ApplicationScoped
public class XrfShotRepository implements PanacheRepositoryBase<XrfShotRecord, Long>, LotShots {

    @Override
    public Uni<List<ShotView>> of(UUID lotId) {
        return forLot(lotId).map(all -> all.stream().map(ShotCodec::view).toList());
    }

    @Override
    public Uni<Set<String>> enteredBy(UUID lotId) {
        return find("select distinct enteredBy from XrfShotRecord where lotId = ?1 and enteredBy is not null", lotId)
                .project(String.class)
                .list()
                .map(Set::copyOf);
    }

    /** Every shot of the lot, kept or discarded, oldest first. */
    public Uni<List<XrfShotRecord>> forLot(UUID lotId) {
        return list("lotId = ?1 order by id", lotId);
    }

    /** As above, in any session (the XRF path uses a stateless one). */
    public static Uni<List<XrfShotRecord>> forLot(Mutiny.QueryProducer queries, UUID lotId) {
        return queries.createSelectionQuery("from XrfShotRecord where lotId = :lot order by id", XrfShotRecord.class)
                .setParameter("lot", lotId)
                .getResultList();
    }
}
