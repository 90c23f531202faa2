package org.goldbuying.station.lot;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * A supervisor approves a lot that needs it. Four eyes: never anyone who entered something on it (weighed and
 * quoted it, entered its shots, measured its density). On a lot whose
 * assay raised fraud flags (held in ASSAYING) the approval releases the assay, and the lot is quoted at once; the
 * quote's own approvals (large value, AML) then still need a supervisor who has seen the figures.
 */
@ApplicationScoped
public class LotApprovals {
    private final LotRepository lots;
    private final LotQuoting quoting;
    private final LotShots shots;
    private final Clock clock;

    public LotApprovals(LotRepository lots, LotQuoting quoting, LotShots shots, Clock clock) {
        this.lots = lots;
        this.quoting = quoting;
        this.shots = shots;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Lot> approve(UUID id, String supervisor) {
        return lots.require(id)
                .chain(lot -> shots.enteredBy(lot.id()).chain(shotsEnteredBy -> {
                    if (lot.status() == LotStatus.ASSAYING) {
                        lot.releaseAssayBy(supervisor, clock.instant(), shotsEnteredBy);
                        return quoting.quoteAssayed(lot);
                    }
                    lot.approveBy(supervisor, clock.instant(), shotsEnteredBy);
                    return Uni.createFrom().item(lot);
                }));
    }
}
