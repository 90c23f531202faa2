package org.goldbuying.station.lot;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.UUID;
import java.util.function.Supplier;

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

    /**
     * Runs a change of a lot (a use case that joins this transaction), views the lot in the same transaction rather
     * than in a second one, and announces it to the counter's pages once committed, so a page never redraws a change
     * that was rolled back.
     */
    public Uni<LotView> changeAndAnnounce(String what, Supplier<Uni<Lot>> change) {
        return Panache.withTransaction(() -> change.get().chain(this::view))
                .invoke(view -> changes.fire(new LotChanged(what, view)));
    }

    /** Announces a lot just opened (stored, with no shots yet), without reading anything. */
    public LotView announceOpened(String what, Lot lot) {
        LotView view = LotView.of(lot);
        changes.fire(new LotChanged(what, view));
        return view;
    }
}
