package org.goldbuying.station.lot;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.OptimisticLockException;

import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.assay.DensityCheck;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.assay.ElementAverage;
import org.goldbuying.assay.FraudCheck;
import org.goldbuying.assay.FraudFlag;
import org.goldbuying.assay.ShotAverager;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;
import org.goldbuying.assay.XrfResult;
import org.goldbuying.scale.xrf.XrfShot;
import org.goldbuying.station.assay.AssayJson;
import org.goldbuying.station.assay.ShotCodec;
import org.goldbuying.station.assay.XrfConfig;
import org.goldbuying.station.assay.XrfProblem;
import org.goldbuying.station.assay.XrfShotReceived;
import org.goldbuying.station.assay.XrfShotRecord;
import org.goldbuying.station.assay.XrfShotRepository;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.pricing.HeldPrice;
import org.goldbuying.station.pricing.HeldTick;
import org.goldbuying.station.weighing.BalanceConfig;
import org.hibernate.StaleStateException;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The XRF assay of a lot: stores every shot, averages them the moment enough are in, checks the composition for
 * fraud, and quotes at once (the latency-critical step). A spread over the limit keeps the lot ASSAYING and asks for
 * a re-shoot; a fraud flag holds it for a supervisor without a quote. Every change is announced as
 * {@link LotChanged} after it committed, for the counter's live stream.
 */
@ApplicationScoped
public class XrfAssayService {
    private static final Logger LOG = Logger.getLogger(XrfAssayService.class);
    /** XRF shots for the lot on the analyser, by outcome: stored from memory, or read again from the database. */
    static final String REMEMBERED_LOT_METER = "station.xrf.remembered.lot";

    private final LotRepository lots;
    private final XrfShotRepository shots;
    private final LotService lotService;
    private final XrfConfig xrf;
    private final BalanceConfig balance;
    private final Clock clock;
    private final Event<LotChanged> changes;
    private final Event<XrfProblem> problems;
    private final HeldPrice heldPrice;
    private final Mutiny.SessionFactory sessions;
    private final Pool database;
    /** Shots stored from the remembered lot (the fast path), and the ones read again, expectedly or not. */
    private final Counter rememberedStored;
    private final Counter rememberedChanged;
    private final Counter rememberedFailed;

    public XrfAssayService(LotRepository lots, XrfShotRepository shots, LotService lotService, XrfConfig xrf,
            BalanceConfig balance, Clock clock, Event<LotChanged> changes, Event<XrfProblem> problems,
            HeldPrice heldPrice, Mutiny.SessionFactory sessions, Pool database, MeterRegistry meters, Vertx vertx) {
        this.vertx = vertx;
        this.rememberedStored = meters.counter(REMEMBERED_LOT_METER, "outcome", "stored");
        this.rememberedChanged = meters.counter(REMEMBERED_LOT_METER, "outcome", "lot-changed");
        this.rememberedFailed = meters.counter(REMEMBERED_LOT_METER, "outcome", "failed");
        this.heldPrice = heldPrice;
        this.sessions = sessions;
        this.database = database;
        this.lots = lots;
        this.shots = shots;
        this.lotService = lotService;
        this.xrf = xrf;
        this.balance = balance;
        this.clock = clock;
        this.changes = changes;
        this.problems = problems;
    }

    /** The lot with its shots, as every lot endpoint shows it. */
    public Uni<LotView> view(UUID id) {
        return Panache.withSession(() -> find(id).chain(this::view));
    }

    public Uni<LotView> view(Lot lot) {
        return shots.forLot(lot.id).map(all -> LotView.of(lot, all.stream().map(ShotCodec::view).toList()));
    }

    /** Announces a lot the counter should redraw (a new XRF lot, an approval). */
    public Uni<LotView> announce(String what, Lot lot) {
        return Panache.withSession(() -> view(lot)).invoke(v -> changes.fire(new LotChanged(what, v)));
    }

    /** Shots posted through the API (line-format text, CSV export or JSON) for one lot. */
    public Uni<LotView> addShots(UUID lotId, List<XrfShot> received, XrfShotRecord.Via via) {
        return recordShots(lotId, queries -> queries.get(Lot.class, lotId).onItem().ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No lot with id " + lotId + ".")),
                received, via)
                .invoke(this::announceShot);
    }

    /**
     * A shot from the analyser's serial line, on the line's reader thread: queued behind the one before, so shots are
     * stored in the order the analyser sent them, and stored and announced on an event loop. The reader thread goes
     * back to the line at once, and the quote goes to the counter's stream from where the database answered, without
     * a hand-back to the reader (the assay-to-price path, docs/performance.md).
     */
    void onSerialShot(@Observes XrfShotReceived received) {
        XrfShot shot = received.shot();
        synchronized (this) {
            if (serialShotLoop == null) {
                // on the reader thread, which has no Vert.x context: this takes one of the event loops
                serialShotLoop = VertxContext.getRootContext(vertx.getOrCreateContext());
            }
            Context loop = serialShotLoop;
            lastSerialShot = lastSerialShot.thenCompose(previousDone -> storeSerialShot(loop, shot));
        }
    }

    /** Completes when the shot is stored and announced, or its problem reported: it never fails. */
    private CompletableFuture<Void> storeSerialShot(Context loop, XrfShot shot) {
        CompletableFuture<Void> handled = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(loop);
        // Hibernate Reactive works only on a context marked safe (one that no other work shares)
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(() -> recordShots(null, queries -> LotRepository
                .latestAssaying(queries).onItem().ifNull().failWith(() -> new StationException(
                        StationError.WRONG_STATE, "XRF shot " + shot.shotId() + " arrived, but no lot is waiting"
                                + " for XRF shots. Weigh the lot with \"Weigh, then XRF\" first, then shoot again.")),
                List.of(shot), XrfShotRecord.Via.SERIAL_PORT))
                .subscribe().with(view -> {
                    try {
                        announceShot(view);
                    } finally {
                        handled.complete(null);
                    }
                }, failure -> {
                    try {
                        reportSerialShotFailure(shot, failure);
                    } finally {
                        handled.complete(null);
                    }
                }));
        return handled;
    }

    private void reportSerialShotFailure(XrfShot shot, Throwable failure) {
        if (failure instanceof StationException || failure instanceof XrfException) {
            problems.fire(new XrfProblem(failure.getMessage()));
        } else {
            LOG.errorf(failure, "XRF shot %s could not be stored", shot.shotId());
            // the shot and its lot change are stored together or not at all, so a new shot is what the lot needs
            problems.fire(new XrfProblem("XRF shot " + shot.shotId() + " could not be stored (" + failure.getMessage()
                    + "). Take the shot again; if this message comes back, call the supervisor."));
        }
    }

    private void announceShot(LotView view) {
        changes.fire(new LotChanged(view.status() == LotStatus.QUOTED ? "QUOTED" : "SHOT", view));
    }

    /** Any change to a lot made elsewhere (a new lot weighed, a density test, an approval) ends the remembered one. */
    void onLotChanged(@Observes LotChanged change) {
        LotOnAnalyser known = onAnalyser.get();
        if (known != null && !("SHOT".equals(change.what()) && known.lot().id.equals(change.lot().id()))) {
            onAnalyser.compareAndSet(known, null);
        }
    }

    private Uni<Lot> find(UUID id) {
        return lots.findById(id).onItem().ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No lot with id " + id + "."));
    }

    /**
     * The lot being assayed as this service last stored it: its shots, and what the seller had been paid in the AML
     * window. The shot that completes the assay is the start of the latency-critical path (the quote on the
     * counter's screen), and with this it needs no read at all: the tick is held in memory too, so the only round
     * trips left are the stateless transaction that inserts the shot and updates the lot. The lot's version guards
     * it: a lot changed by anyone else fails the update, and the shot is recorded again from the database.
     */
    private record LotOnAnalyser(Lot lot, List<XrfShotRecord> shots, long paidInWindowMinor) {
    }

    private final AtomicReference<LotOnAnalyser> onAnalyser = new AtomicReference<>();
    /** The event loop that stores the analyser's shots, and the last shot handed to it (see onSerialShot). */
    private final Vertx vertx;
    private Context serialShotLoop;
    private CompletableFuture<Void> lastSerialShot = CompletableFuture.completedFuture(null);

    /**
     * Records shots for the lot {@code findLot} names (the lot {@code lotId}, or the one on the analyser when null):
     * from memory when it is the lot remembered from the previous shot, otherwise read in a stateless transaction
     * that then stores the new shots, the ones a re-shoot discarded, the lot, and the AML record when the quote needs
     * one. The shot that completes a clean assay of a remembered lot takes one statement ({@link CompletingShot}).
     */
    private Uni<LotView> recordShots(UUID lotId, Function<Mutiny.StatelessSession, Uni<Lot>> findLot,
            List<XrfShot> received, XrfShotRecord.Via via) {
        LotOnAnalyser remembered = onAnalyser.getAndSet(null);
        LotOnAnalyser known = remembered != null && (lotId == null || remembered.lot().id.equals(lotId))
                ? remembered : null;
        if (known == null) {
            return fromDatabase(findLot, received, via);
        }
        return heldPrice.forQuote().chain(tick -> storeRemembered(assessed(known, received, via, tick)))
                .invoke(() -> rememberedStored.increment())
                // the remembered lot was changed meanwhile (or the memory was wrong): the database has the last word
                .onFailure().recoverWithUni(failure -> {
                    if (failure instanceof StationException || failure instanceof XrfException
                            || failure instanceof LotChangedMeanwhile || failure instanceof StaleStateException
                            || failure instanceof OptimisticLockException) {
                        LOG.debugf("XRF shot recorded again from the database: %s", failure.getMessage());
                        rememberedChanged.increment();
                    } else {
                        LOG.warnf(failure, "XRF shot recorded again from the database after an unexpected failure");
                        rememberedFailed.increment();
                    }
                    onAnalyser.set(null);
                    return fromDatabase(findLot, received, via);
                });
    }

    private Uni<LotView> fromDatabase(Function<Mutiny.StatelessSession, Uni<Lot>> findLot, List<XrfShot> received,
            XrfShotRecord.Via via) {
        return heldPrice.forQuote().chain(tick -> sessions.withStatelessTransaction(queries -> load(queries, findLot)
                .chain(state -> store(queries, assessed(state, received, via, tick)))));
    }

    private Uni<LotView> storeRemembered(Assessed assessed) {
        if (!assessed.quotedCleanlyByOneShot()) {
            return sessions.withStatelessTransaction(queries -> store(queries, assessed));
        }
        return CompletingShot.store(database, assessed.lot(), assessed.added().get(0)).map(stored -> {
                    if (!stored) {
                        throw new LotChangedMeanwhile(assessed.lot().id);
                    }
                    return assessed.view();
                });
    }

    private Uni<LotOnAnalyser> load(Mutiny.StatelessSession queries, Function<Mutiny.StatelessSession, Uni<Lot>> findLot) {
        return findLot.apply(queries).chain(lot -> XrfShotRepository.forLot(queries, lot.id)
                .chain(stored -> LotRepository.paidNetMinorSince(queries, lot.sellerId, lotService.amlWindowStart())
                        .map(paid -> new LotOnAnalyser(lot, stored, paid))));
    }

    /** The remembered lot was changed by someone else since its last shot: it is read again. */
    private static final class LotChangedMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LotChangedMeanwhile(UUID lot) {
            super("lot " + lot + " changed since its last shot", null, false, false);
        }
    }

    /** The shots recorded against a lot, and the lot as the assay left it: what is to be stored. */
    private record Assessed(LotOnAnalyser state, List<XrfShotRecord> all, List<XrfShotRecord> added,
            List<XrfShotRecord> discarded) {
        Lot lot() {
            return state.lot();
        }

        /** One new shot completed the assay and the lot is quoted, with no discards and no AML record to write. */
        boolean quotedCleanlyByOneShot() {
            return added.size() == 1 && discarded.isEmpty() && lot().status == LotStatus.QUOTED
                    && !lot().needsAmlApproval();
        }

        LotView view() {
            return LotView.of(lot(), all.stream().map(ShotCodec::view).toList());
        }
    }

    /** Checks the lot takes these shots, then assesses them: changes only the lot and the shots in memory. */
    private Assessed assessed(LotOnAnalyser state, List<XrfShot> received, XrfShotRecord.Via via,
            Optional<HeldTick> tick) {
        Lot lot = state.lot();
        if (lot.status != LotStatus.ASSAYING) {
            throw new StationException(StationError.WRONG_STATE, "Lot " + lot.id + " is " + lot.status
                    + "; XRF shots are taken only while a lot is ASSAYING.");
        }
        if (lot.assayHeld()) {
            throw new StationException(StationError.WRONG_STATE, "Lot " + lot.id + " is held for a supervisor ("
                    + lot.assayNote + "); no more shots are taken.");
        }
        Instant now = clock.instant();
        List<XrfShotRecord> all = new ArrayList<>(state.shots());
        List<XrfShotRecord> added = new ArrayList<>(received.size());
        for (XrfShot shot : received) {
            boolean duplicate = all.stream().anyMatch(r -> r.shotId.equals(shot.shotId())
                    && r.analyserSerial.equals(shot.analyser().serialNumber()));
            if (duplicate) {
                throw new StationException(StationError.DUPLICATE, "Shot " + shot.shotId() + " of analyser "
                        + shot.analyser() + " is already recorded for this lot.");
            }
            XrfShotRecord record = ShotCodec.toRecord(shot, lot.id, via, now);
            all.add(record);
            added.add(record);
        }
        List<XrfShotRecord> discarded = assess(lot, all, tick, state.paidInWindowMinor());
        return new Assessed(state, all, added, discarded);
    }

    private Uni<LotView> store(Mutiny.StatelessSession queries, Assessed assessed) {
        Lot lot = assessed.lot();
        return queries.insertMultiple(assessed.added())
                .chain(() -> assessed.discarded().isEmpty() ? Uni.createFrom().voidItem()
                        : queries.updateMultiple(assessed.discarded()))
                .chain(() -> queries.update(lot))
                .chain(() -> lot.needsAmlApproval()
                        ? lotService.recordAml(queries, lot, assessed.state().paidInWindowMinor()).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .map(ignored -> {
                    if (lot.status == LotStatus.ASSAYING && !lot.assayHeld()) {
                        onAnalyser.set(new LotOnAnalyser(lot, List.copyOf(assessed.all()),
                                assessed.state().paidInWindowMinor()));
                    }
                    return assessed.view();
                });
    }

    /**
     * Averages the shots in use once there are enough, then flags, or quotes: plain computation on the lot and its
     * shots. Returns the stored shots a re-shoot discarded, which the caller must update.
     */
    private List<XrfShotRecord> assess(Lot lot, List<XrfShotRecord> all, Optional<HeldTick> tick,
            long paidInWindowMinor) {
        List<XrfShotRecord> current = all.stream().filter(r -> !r.discarded).toList();
        int needed = xrf.minShots();
        if (current.size() < needed) {
            lot.assayNote = "Shot " + current.size() + " of " + needed + " received. Take the next shot on a clean spot.";
            return List.of();
        }
        XrfResult result;
        try {
            result = ShotAverager.average(current.stream().map(ShotCodec::toShot).toList(), xrf.averagingPolicy());
        } catch (XrfException e) {
            if (e.fault() != XrfFault.RESHOOT_REQUIRED) {
                throw e;
            }
            // The disagreeing set is kept for the audit trail but no longer counts: the next shots start afresh.
            current.forEach(r -> {
                r.discarded = true;
                r.discardedReason = e.detail();
            });
            lot.assayNote = "Re-shoot: " + e.getMessage() + " Take " + needed + " new shots.";
            // a result from an earlier set (one the price refused to quote) no longer stands
            lot.finenessPerMille = null;
            lot.xrfComposition = null;
            return current.stream().filter(r -> r.id != null).toList();
        }
        lot.finenessPerMille = result.finenessPerMille();
        lot.xrfComposition = AssayJson.composition(result.meanPercentages());
        if (result.includesManualEntry()) {
            lot.assayMethod = PurchaseEvent.AssayMethod.MANUAL;
        }
        List<FraudFlag> flags = FraudCheck.check(result, xrf.fraudLimits());
        if (!flags.isEmpty()) {
            lot.assayFlags = AssayJson.flags(flags);
            lot.assayNote = flags.get(0).kind().clerkMessage() + " ("
                    + String.join("; ", flags.stream().map(FraudFlag::reason).toList()) + ")";
            return List.of();
        }
        if (lot.finenessPerMille.signum() <= 0) {
            lot.assayNote = "The shots found no gold. Check the item and the analyser, or call the supervisor.";
            return List.of();
        }
        try {
            lotService.quote(lot, tick, paidInWindowMinor);
        } catch (StationException e) {
            lot.assayNote = "Assay complete (" + lot.finenessPerMille.toPlainString() + " per mille) but no quote: "
                    + e.getMessage();
        }
        return List.of();
    }

    /**
     * Records a density test (weight in air = the lot's gross weight) and compares it with the XRF composition. A
     * mismatch is a flag: a quoted lot then needs a supervisor's approval (again, if it had one), a lot still being
     * assayed is held.
     */
    public Uni<LotView> density(UUID id, LotRequests.Density request, String who) {
        return Panache.withTransaction(() -> find(id).chain(lot -> {
            if (lot.status != LotStatus.ASSAYING && lot.status != LotStatus.QUOTED) {
                throw new StationException(StationError.WRONG_STATE, "Lot " + lot.id + " is " + lot.status
                        + "; a density test is recorded only before payment.");
            }
            if (lot.xrfComposition == null) {
                throw new StationException(StationError.WRONG_STATE, "The density test is compared with the XRF "
                        + "composition, and lot " + lot.id + " has none yet: take the XRF shots first.");
            }
            if (lot.densityAt != null) {
                throw new StationException(StationError.DUPLICATE, "Lot " + lot.id + " already has a density test ("
                        + lot.densityMeasured.toPlainString() + " g/cm3); it is kept as recorded.");
            }
            DensityCheck.Measurement measurement = new DensityCheck.Measurement(lot.grossGrams,
                    request.gramsInWater(), request.waterCelsius());
            DensityCheck.Verdict verdict = DensityCheck.compare(measurement, composition(lot),
                    balance.displayIntervalGrams(), xrf.densityRelativeTolerance());
            lot.densityGramsInWater = request.gramsInWater();
            lot.densityWaterCelsius = request.waterCelsius();
            lot.densityMeasured = verdict.measured();
            lot.densityExpected = verdict.expected();
            lot.densityDifference = verdict.relativeDifference();
            lot.densityAllowed = verdict.allowed();
            lot.densityBy = who;
            lot.densityAt = clock.instant();
            if (verdict.flag().isEmpty()) {
                return view(lot);
            }
            FraudFlag flag = verdict.flag().get();
            lot.densityFlag = flag.reason();
            if (lot.status == LotStatus.QUOTED) {
                return lotService.reviewApprovals(lot).chain(this::view);
            }
            // still being assayed: the lot is held, as for any other fraud flag
            lot.assayFlags = AssayJson.withFlag(lot.assayFlags, flag);
            lot.assayNote = flag.kind().clerkMessage() + " (" + flag.reason() + ")";
            return view(lot);
        })).invoke(v -> changes.fire(new LotChanged("DENSITY", v)));
    }

    private static XrfResult composition(Lot lot) {
        Map<Element, ElementAverage> averages = new EnumMap<>(Element.class);
        AssayJson.compositionPercentages(lot.xrfComposition).forEach((element, percent) ->
                averages.put(element, new ElementAverage(element, percent, null, BigDecimal.ZERO, false)));
        return new XrfResult(averages, List.of());
    }
}
