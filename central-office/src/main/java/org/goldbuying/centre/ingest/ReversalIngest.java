package org.goldbuying.centre.ingest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.goldbuying.centre.ingest.PurchaseIngest.ValidReversal;
import org.goldbuying.centre.integrity.IntegrityIncident.Kind;
import org.goldbuying.centre.station.StationKeyRegistry;
import org.goldbuying.contracts.PurchaseReversal;

/**
 * Takes signed reversals (docs/contracts/purchase-reversal.v1.schema.json) into the ledger: a purchase undone at its
 * station stays in the ledger, marked reversed, and no longer counts in the reserve. A reversal counts only when signed
 * by a key approved for its station, decided by two people, and about a purchase of that station in the reserve; one
 * per purchase. Anything else is an integrity incident and changes nothing. Reversals are rare: one at a time.
 */
@ApplicationScoped
public class ReversalIngest {
    static final String INSERT = """
            INSERT INTO purchase_reversal (purchase_id, event_id, station_id, kind, note, proposed_by, approved_by,
                reversed_at, station_key_id, payload, ingested_at)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
            WHERE EXISTS (SELECT 1 FROM purchase WHERE purchase_id = $1 AND station_id = $3)
            ON CONFLICT (purchase_id) DO NOTHING""";

    private final Pool database;
    private final StationKeyRegistry keys;

    public ReversalIngest(Pool database, StationKeyRegistry keys) {
        this.database = database;
        this.keys = keys;
    }

    /** How many reversals were taken, for which stations, and the ones parked. */
    record Outcome(int taken, Set<String> stations, List<BatchOutcome.Parked> parked) {}

    Uni<Outcome> store(List<ValidReversal> reversals, OffsetDateTime now) {
        if (reversals.isEmpty()) {
            return Uni.createFrom().item(new Outcome(0, Set.of(), List.of()));
        }
        return Multi.createFrom()
                .iterable(reversals)
                .onItem()
                .transformToUniAndConcatenate(reversal -> PurchaseIngest.whileTheDatabaseRecovers(one(reversal, now)))
                .collect()
                .asList()
                .map(results -> {
                    int taken = 0;
                    Set<String> stations = new HashSet<>();
                    List<BatchOutcome.Parked> parked = new ArrayList<>();
                    for (int i = 0; i < results.size(); i++) {
                        Optional<BatchOutcome.Parked> refusal = results.get(i);
                        if (refusal.isPresent()) {
                            parked.add(refusal.get());
                        } else {
                            taken++;
                            stations.add(reversals.get(i).reversal().stationId());
                        }
                    }
                    return new Outcome(taken, stations, parked);
                });
    }

    /** Empty when the reversal is in the ledger (now, or already from a redelivery); else why it was refused. */
    private Uni<Optional<BatchOutcome.Parked>> one(ValidReversal valid, OffsetDateTime now) {
        PurchaseReversal r = valid.reversal();
        if (r.proposedBy().equals(r.approvedBy())) {
            return refused(valid, Kind.REVERSAL, "proposed and approved by the same person (" + r.approvedBy() + ")");
        }
        return keys.ofStations(new String[] {r.stationId()}).chain(registered -> {
            Optional<PurchaseTrust.KeyRefusal> untrusted = PurchaseTrust.keyRefusal(
                    registered,
                    r.stationId(),
                    r.stationKeyId(),
                    r.reversedAt(),
                    valid.signedBytes(),
                    r.signature(),
                    false,
                    "reversal of purchase " + r.purchaseId());
            if (untrusted.isPresent()) {
                return refused(valid, untrusted.get().kind(), untrusted.get().evidence());
            }
            return switchedFrom(registered, r)
                    .chain(switched -> switched.isPresent()
                            ? refused(valid, Kind.UNREGISTERED_KEY, switched.get())
                            : insert(valid, now));
        });
    }

    /**
     * Why a reversal signed with a retired key cannot be the station's, or empty: a newer key of the station already
     * signed purchases in the reserve, so the station had switched keys (as for purchases, PurchaseTrust.supersededKey;
     * a reversal has no place in the chain, so any purchase of a newer key is enough).
     */
    private Uni<Optional<String>> switchedFrom(List<StationKeyRegistry.StationKey> registered, PurchaseReversal r) {
        String[] newer = StationKeyRegistry.StationKey.among(registered, r.stationKeyId())
                .map(own -> own.successorsAmong(registered))
                .orElse(List.of())
                .stream()
                .map(StationKeyRegistry.StationKey::keyId)
                .toArray(String[]::new);
        if (newer.length == 0) {
            return Uni.createFrom().item(Optional.empty());
        }
        return database.preparedQuery("SELECT station_key_id, min(station_sequence) FROM purchase WHERE station_id = $1"
                        + " AND station_key_id = ANY($2) GROUP BY station_key_id ORDER BY 2 LIMIT 1")
                .execute(Tuple.of(r.stationId(), newer))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row first = rows.iterator().next();
                    return Optional.of("reversal of purchase " + r.purchaseId() + " is signed by key "
                            + r.stationKeyId() + ", retired when a newer key was approved; key " + first.getString(0)
                            + " signed the station's purchases from sequence " + first.getLong(1)
                            + ": the station had switched to its newer key, so the older one no longer signs for it");
                });
    }

    private Uni<Optional<BatchOutcome.Parked>> insert(ValidReversal valid, OffsetDateTime now) {
        PurchaseReversal r = valid.reversal();
        return database.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(
                        r.purchaseId(),
                        r.eventId(),
                        r.stationId(),
                        r.kind().name(),
                        r.note(),
                        r.proposedBy(),
                        r.approvedBy(),
                        OffsetDateTime.ofInstant(r.reversedAt(), ZoneOffset.UTC),
                        r.stationKeyId(),
                        valid.message().json(),
                        now)))
                .chain(rows -> rows.rowCount() == 1
                        ? Uni.createFrom().item(Optional.<BatchOutcome.Parked>empty())
                        : whyNotTaken(valid));
    }

    /** A reversal not inserted: a redelivery of the one in the ledger, or one that cannot be taken. */
    private Uni<Optional<BatchOutcome.Parked>> whyNotTaken(ValidReversal valid) {
        PurchaseReversal r = valid.reversal();
        return database.preparedQuery("SELECT p.station_id, rv.payload FROM purchase p"
                        + " LEFT JOIN purchase_reversal rv ON rv.purchase_id = p.purchase_id WHERE p.purchase_id = $1")
                .execute(Tuple.of(r.purchaseId()))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return refused(valid, Kind.REVERSAL, "purchase " + r.purchaseId() + " is not in the reserve");
                    }
                    Row row = rows.iterator().next();
                    if (!r.stationId().equals(row.getString(0))) {
                        return refused(
                                valid,
                                Kind.REVERSAL,
                                "purchase " + r.purchaseId() + " was bought by station " + row.getString(0) + ", not "
                                        + r.stationId());
                    }
                    if (valid.message().json().equals(row.getString(1))) {
                        return Uni.createFrom().item(Optional.empty()); // a redelivery
                    }
                    return refused(
                            valid,
                            Kind.REVERSAL,
                            "purchase " + r.purchaseId()
                                    + " was reversed already by another reversal; that one stands");
                });
    }

    private static Uni<Optional<BatchOutcome.Parked>> refused(ValidReversal valid, Kind kind, String evidence) {
        PurchaseReversal r = valid.reversal();
        return Uni.createFrom()
                .item(Optional.of(
                        BatchOutcome.Parked.incident(valid.message(), kind, r.stationId(), r.purchaseId(), evidence)));
    }
}
