package org.goldbuying.station.assay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.goldbuying.station.lot.LotChanged;

/**
 * The lot on the analyser as the assay last stored it, so that the next shot needs no read: the tick is held in
 * memory too, so the only round trip left for the completing shot is the statement that stores it. The lot's version
 * guards it: a lot changed by anyone else fails the update, and the shot is recorded again from the database. Any
 * change to a lot made elsewhere (a new lot weighed, a density test, an approval) ends the remembered one.
 */
@ApplicationScoped
public class RememberedLot {
    /** XRF shots for the lot on the analyser, by outcome: stored from memory, or read again from the database. */
    static final String METER = "station.xrf.remembered.lot";

    private final AtomicReference<LotOnAnalyser> onAnalyser = new AtomicReference<>();
    private final Counter stored;
    private final Counter changed;
    private final Counter failed;

    public RememberedLot(MeterRegistry meters) {
        this.stored = meters.counter(METER, "outcome", "stored");
        this.changed = meters.counter(METER, "outcome", "lot-changed");
        this.failed = meters.counter(METER, "outcome", "failed");
    }

    /** Takes the remembered lot out if it is {@code lotId} (any lot when null); forgets it in every case. */
    LotOnAnalyser take(UUID lotId) {
        LotOnAnalyser remembered = onAnalyser.getAndSet(null);
        return remembered != null && (lotId == null || remembered.lot().id().equals(lotId)) ? remembered : null;
    }

    void remember(LotOnAnalyser lot) {
        onAnalyser.set(lot);
    }

    void forget() {
        onAnalyser.set(null);
    }

    void storedFromMemory() {
        stored.increment();
    }

    /** The shot is recorded again from the database: the lot changed meanwhile (or the memory was wrong). */
    void changedMeanwhile() {
        changed.increment();
    }

    /** The shot is recorded again from the database after an unexpected failure. */
    void failedUnexpectedly() {
        failed.increment();
    }

    void onLotChanged(@Observes LotChanged change) {
        LotOnAnalyser known = onAnalyser.get();
        if (known != null
                && !("SHOT".equals(change.what())
                        && known.lot().id().equals(change.lot().id()))) {
            onAnalyser.compareAndSet(known, null);
        }
    }
}
