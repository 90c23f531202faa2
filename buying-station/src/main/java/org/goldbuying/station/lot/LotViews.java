package org.goldbuying.station.lot;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.UUID;

/** The lot with its XRF shots, as every lot endpoint shows it, and the announcement of a lot the counter redraws. */
@ApplicationScoped
public class LotViews {
    private final LotRepository lots;
    private final LotShots shots;
    private final Event<LotChanged> changes;

    public LotViews(LotRepository lots, LotShots shots, Event<LotChanged> changes) {
        this.lots = lots;
        this.shots = shots;
        this.changes = changes;
    }

    /**
     * The lot and its shots as of one moment. Two reads at PostgreSQL's default READ COMMITTED each take their own
     * snapshot, so a shot stored between them showed with the lot's older note; one REPEATABLE READ transaction reads
     * both from the same snapshot (read-only: it never waits for a writer nor fails for one).
     */
    public Uni<LotView> view(UUID id) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                        .executeUpdate())
                .chain(() -> lots.require(id))
                .chain(this::view));
    }

    /** The paid lot with this purchase number, as {@link #view(UUID)} shows it. */
    public Uni<LotView> purchase(long stationSequence) {
        return Panache.withSession(() -> lots.requirePurchase(stationSequence).chain(this::view));
    }

    /** Must run inside a session. */
    public Uni<LotView> view(Lot lot) {
        return shots.of(lot.id()).map(all -> LotView.of(lot, all));
    }

    /** Announces a lot the counter should redraw (a new XRF lot, an approval, a void). */
    public Uni<LotView> announce(String what, Lot lot) {
        return Panache.withSession(() -> view(lot)).invoke(v -> changes.fire(new LotChanged(what, v)));
    }
}
