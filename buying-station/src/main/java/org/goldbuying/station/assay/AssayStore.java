package org.goldbuying.station.assay;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.goldbuying.station.lot.Lot;
import org.goldbuying.station.lot.LotQuoting;
import org.goldbuying.station.lot.LotRepository;
import org.goldbuying.station.lot.LotView;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads a lot with its shots for the assay, and stores what the assay made of them: through Hibernate's mapping in
 * a stateless transaction (new shots, discarded ones, the lot, the AML record when the quote needs one), or, for the
 * shot that completes a clean assay of a remembered lot, in one statement ({@link CompletingShot}).
 */
@ApplicationScoped
public class AssayStore {
    private final LotQuoting quoting;
    private final RememberedLot remembered;
    private final Mutiny.SessionFactory sessions;
    private final Pool database;

    public AssayStore(LotQuoting quoting, RememberedLot remembered, Mutiny.SessionFactory sessions, Pool database) {
        this.quoting = quoting;
        this.remembered = remembered;
        this.sessions = sessions;
        this.database = database;
    }

    /** The lot {@code findLot} names, its shots and what its seller was paid in the AML window. */
    Uni<LotOnAnalyser> load(Mutiny.StatelessSession queries, Function<Mutiny.StatelessSession, Uni<Lot>> findLot) {
        return findLot.apply(queries)
                .chain(lot -> XrfShotRepository.forLot(queries, lot.id())
                        .chain(stored -> LotRepository.paidNetMinorSince(
                                        queries, lot.sellerId(), quoting.amlWindowStart())
                                .map(paid -> new LotOnAnalyser(lot, stored, paid))));
    }

    /** Stores the shots of a remembered lot: the fast path when it applies, otherwise a stateless transaction. */
    Uni<LotView> storeRemembered(AssessedShots assessed) {
        if (!assessed.quotedCleanlyByOneShot()) {
            return sessions.withStatelessTransaction(queries -> store(queries, assessed));
        }
        return CompletingShot.store(database, assessed.lot(), assessed.added().get(0))
                .map(stored -> {
                    if (!stored) {
                        throw new LotChangedMeanwhile(assessed.lot().id());
                    }
                    return assessed.view();
                });
    }

    Uni<LotView> store(Mutiny.StatelessSession queries, AssessedShots assessed) {
        Lot lot = assessed.lot();
        return queries.insertMultiple(assessed.added())
                .chain(() -> assessed.discarded().isEmpty()
                        ? Uni.createFrom().voidItem()
                        : queries.updateMultiple(assessed.discarded()))
                .chain(() -> queries.update(lot))
                .chain(() -> lot.needsAmlApproval()
                        ? quoting.recordAml(queries, lot, assessed.state().paidInWindowMinor())
                                .replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .map(ignored -> {
                    if (assessed.stillAssaying()) {
                        remembered.remember(new LotOnAnalyser(
                                lot,
                                List.copyOf(assessed.all()),
                                assessed.state().paidInWindowMinor()));
                    }
                    return assessed.view();
                });
    }

    /** The remembered lot was changed by someone else since its last shot: it is read again. */
    static final class LotChangedMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LotChangedMeanwhile(UUID lot) {
            super("lot " + lot + " changed since its last shot", null, false, false);
        }
    }
}
