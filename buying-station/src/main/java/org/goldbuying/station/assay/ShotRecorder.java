package org.goldbuying.station.assay;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfShot;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.lot.ApprovalConfig;
import org.goldbuying.station.lot.Lot;
import org.goldbuying.station.lot.LotChanged;
import org.goldbuying.station.lot.LotRepository;
import org.goldbuying.station.lot.LotStatus;
import org.goldbuying.station.lot.LotView;
import org.goldbuying.station.pricing.HeldPrice;
import org.goldbuying.station.pricing.HeldTick;
import org.goldbuying.station.seller.LimitsConfig;
import org.hibernate.StaleStateException;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Records XRF shots against a lot and quotes it the moment enough agree (the latency-critical step): checks the lot
 * takes them, lets {@link AssayDecision} decide, applies the outcome and stores it ({@link AssayStore}). The lot
 * remembered since its previous shot ({@link RememberedLot}) spares the read; when it changed meanwhile, the
 * database has the last word. Every stored change is announced as {@link LotChanged}.
 */
@ApplicationScoped
public class ShotRecorder {
    private static final Logger LOG = Logger.getLogger(ShotRecorder.class);

    private final AssayStore store;
    private final RememberedLot remembered;
    private final HeldPrice heldPrice;
    private final Mutiny.SessionFactory sessions;
    private final AssayDecision.Policy policy;
    private final RegisteredAnalysers analysers;
    private final ZoneId stationZone;
    private final Clock clock;
    private final Event<LotChanged> changes;

    public ShotRecorder(
            AssayStore store,
            RememberedLot remembered,
            HeldPrice heldPrice,
            Mutiny.SessionFactory sessions,
            XrfConfig xrf,
            ApprovalConfig approvals,
            LimitsConfig limits,
            Clock clock,
            Event<LotChanged> changes) {
        this.store = store;
        this.remembered = remembered;
        this.heldPrice = heldPrice;
        this.sessions = sessions;
        this.policy = new AssayDecision.Policy(xrf.averagingPolicy(), xrf.fraudLimits(), approvals.limits());
        this.analysers = xrf.registeredAnalysers();
        this.stationZone = limits.timeZone();
        this.clock = clock;
        this.changes = changes;
    }

    /** Shots posted through the API (line-format text, CSV export or JSON) for one lot. */
    public Uni<LotView> addShots(UUID lotId, List<XrfShot> received, String clerk) {
        return record(lotId, queries -> LotRepository.require(queries, lotId), received, ShotOrigin.api(clerk))
                .invoke(this::announce);
    }

    /** A shot from the analyser's serial line, for the lot on the analyser; the caller announces it. */
    Uni<LotView> addSerialShot(XrfShot shot) {
        return record(
                null,
                queries -> LotRepository.latestAssaying(queries)
                        .onItem()
                        .ifNull()
                        .failWith(() -> new StationException(
                                StationError.WRONG_STATE,
                                "XRF shot " + shot.shotId()
                                        + " arrived, but no lot is waiting for XRF shots. Weigh the lot with \"Weigh, "
                                        + "then XRF\""
                                        + " first, then shoot again.")),
                List.of(shot),
                ShotOrigin.SERIAL_LINE);
    }

    /** Tells the counter's stream: QUOTED when the shot completed the assay, SHOT otherwise. */
    void announce(LotView view) {
        changes.fire(new LotChanged(view.status() == LotStatus.QUOTED ? "QUOTED" : "SHOT", view));
    }

    /**
     * Records shots for the lot {@code findLot} names (the lot {@code lotId}, or the one on the analyser when null):
     * from memory when it is the lot remembered from the previous shot, otherwise read in a stateless transaction
     * that then stores them.
     */
    private Uni<LotView> record(
            UUID lotId,
            Function<Mutiny.StatelessSession, Uni<Lot>> findLot,
            List<XrfShot> received,
            ShotOrigin origin) {
        LotOnAnalyser known = remembered.take(lotId);
        if (known == null) {
            return fromDatabase(findLot, received, origin);
        }
        return heldPrice
                .forQuote()
                .chain(tick -> store.storeRemembered(assessed(known, received, origin, tick)))
                .invoke(remembered::storedFromMemory)
                // the remembered lot was changed meanwhile (or the memory was wrong): the database has the last word
                .onFailure()
                .recoverWithUni(failure -> {
                    if (failure instanceof StationException
                            || failure instanceof XrfException
                            || failure instanceof AssayStore.LotChangedMeanwhile
                            || failure instanceof StaleStateException
                            || failure instanceof OptimisticLockException) {
                        LOG.debugf("XRF shot recorded again from the database: %s", failure.getMessage());
                        remembered.changedMeanwhile();
                    } else {
                        LOG.warnf(failure, "XRF shot recorded again from the database after an unexpected failure");
                        remembered.failedUnexpectedly();
                    }
                    remembered.forget();
                    return fromDatabase(findLot, received, origin);
                });
    }

    private Uni<LotView> fromDatabase(
            Function<Mutiny.StatelessSession, Uni<Lot>> findLot, List<XrfShot> received, ShotOrigin origin) {
        return heldPrice
                .forQuote()
                .chain(tick -> sessions.withStatelessTransaction(queries -> store.load(queries, findLot)
                        .chain(state -> store.store(queries, assessed(state, received, origin, tick)))));
    }

    /** Checks the lot takes these shots, then decides and applies: changes only the lot and the shots in memory. */
    private AssessedShots assessed(
            LotOnAnalyser state, List<XrfShot> received, ShotOrigin origin, Optional<HeldTick> tick) {
        Lot lot = state.lot();
        lot.requireTakesShots();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, stationZone);
        received.forEach(shot -> analysers.require(shot.analyser(), today));
        List<XrfShotRecord> all = new ArrayList<>(state.shots().size() + received.size());
        all.addAll(state.shots());
        List<XrfShotRecord> added = new ArrayList<>(received.size());
        for (XrfShot shot : received) {
            boolean duplicate = all.stream()
                    .anyMatch(r -> r.shotId.equals(shot.shotId())
                            && r.analyserSerial.equals(shot.analyser().serialNumber()));
            if (duplicate) {
                throw new StationException(
                        StationError.DUPLICATE,
                        "Shot " + shot.shotId() + " of analyser " + shot.analyser()
                                + " is already recorded for this lot.");
            }
            XrfShotRecord record = ShotCodec.toRecord(shot, lot.id(), origin, now);
            all.add(record);
            added.add(record);
        }
        AssayOutcome outcome =
                AssayDecision.decide(lot, all, new AssayDecision.Market(tick, state.paidInWindowMinor(), now), policy);
        List<XrfShotRecord> discarded = outcome.applyTo(lot);
        return new AssessedShots(state, all, added, discarded);
    }
}
