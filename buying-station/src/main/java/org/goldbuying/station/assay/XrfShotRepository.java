package org.goldbuying.station.assay;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class XrfShotRepository implements PanacheRepositoryBase<XrfShotRecord, Long> {

    /** Every shot of the lot, kept or discarded, oldest first. */
    public Uni<List<XrfShotRecord>> forLot(UUID lotId) {
        return list("lotId = ?1 order by id", lotId);
    }
}
