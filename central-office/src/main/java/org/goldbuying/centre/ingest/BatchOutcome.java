package org.goldbuying.centre.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.goldbuying.centre.integrity.IntegrityIncident;

/**
 * What one batch of purchase messages did: purchases newly added to the reserve (and from which stations),
 * purchases already there (redeliveries, replays, repeats within the batch), reversals taken, and messages parked on
 * the dead-letter topic with their reason.
 */
public record BatchOutcome(
        int inserted, int duplicates, List<Parked> parked, Set<String> stationsWithNewPurchases, int reversed) {

    /** This outcome with the batch's reversals: how many were taken, and the ones parked. */
    BatchOutcome withReversals(ReversalIngest.Outcome reversals) {
        List<Parked> all = new ArrayList<>(parked);
        all.addAll(reversals.parked());
        Set<String> stations = new HashSet<>(stationsWithNewPurchases);
        stations.addAll(reversals.stations());
        return new BatchOutcome(inserted, duplicates, all, stations, reversals.taken());
    }

    /** This outcome with more messages parked (seller registrations refused). */
    BatchOutcome withParked(List<Parked> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Parked> all = new ArrayList<>(parked);
        all.addAll(more);
        return new BatchOutcome(inserted, duplicates, all, stationsWithNewPurchases, reversed);
    }

    /**
     * A message refused with a reason a person can act on; with an integrity incident when it cannot be genuine as it
     * stands (null when it merely broke its contract).
     */
    public record Parked(IncomingPurchase message, String reason, IntegrityIncident incident) {
        public Parked(IncomingPurchase message, String reason) {
            this(message, reason, null);
        }

        /** A message that cannot be genuine as it stands: parked with the evidence, as an incident of its station. */
        static Parked incident(
                IncomingPurchase message,
                IntegrityIncident.Kind kind,
                String stationId,
                UUID purchaseId,
                String evidence) {
            return new Parked(
                    message,
                    "integrity: " + evidence,
                    new IntegrityIncident(kind, stationId, purchaseId, evidence, message.json()));
        }
    }

    /** The incidents among the parked messages. */
    public List<IntegrityIncident> incidents() {
        return parked.stream().map(Parked::incident).filter(Objects::nonNull).toList();
    }
}
