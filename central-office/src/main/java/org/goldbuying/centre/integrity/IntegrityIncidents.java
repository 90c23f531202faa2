package org.goldbuying.centre.integrity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Keeps the integrity incidents ingest finds, and reads them for the treasury and the station view. */
@ApplicationScoped
public class IntegrityIncidents {
    private static final Logger LOG = Logger.getLogger(IntegrityIncidents.class);

    private final Pool database;
    private final Clock clock;

    public IntegrityIncidents(Pool database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Stores the incidents; completes once they are committed. */
    public Uni<Void> record(List<IntegrityIncident> incidents) {
        if (incidents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Tuple> rows = new ArrayList<>(incidents.size());
        for (IntegrityIncident incident : incidents) {
            LOG.errorf(
                    "Integrity incident %s from station %s (purchase %s): %s",
                    incident.kind(), incident.stationId(), incident.purchaseId(), incident.evidence());
            rows.add(Tuple.of(
                    now,
                    incident.kind().name(),
                    incident.stationId(),
                    incident.purchaseId(),
                    incident.evidence(),
                    incident.payload()));
        }
        return database.preparedQuery("INSERT INTO integrity_incident (detected_at, kind, station_id, purchase_id,"
                        + " evidence, payload) VALUES ($1, $2, $3, $4, $5, $6)")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    /** One incident as the treasury sees it. */
    public record View(
            long id,
            Instant detectedAt,
            String kind,
            String stationId,
            UUID purchaseId,
            String evidence,
            String payload,
            String status) {}

    /** The newest incidents first, open ones before resolved ones. */
    public Uni<List<View>> latest(int limit) {
        return database.preparedQuery("SELECT id, detected_at, kind, station_id, purchase_id, evidence, payload, status"
                        + " FROM integrity_incident ORDER BY status = 'OPEN' DESC, id DESC LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<View> views = new ArrayList<>();
                    for (Row row : rows) {
                        views.add(new View(
                                row.getLong("id"),
                                row.getOffsetDateTime("detected_at").toInstant(),
                                row.getString("kind"),
                                row.getString("station_id"),
                                row.getUUID("purchase_id"),
                                row.getString("evidence"),
                                row.getString("payload"),
                                row.getString("status")));
                    }
                    return views;
                });
    }

    /** Open incidents per station. */
    public Uni<Map<String, Long>> openByStation() {
        return database.query("SELECT station_id, count(*) AS n FROM integrity_incident WHERE status = 'OPEN'"
                        + " GROUP BY station_id")
                .execute()
                .map(rows -> {
                    Map<String, Long> open = new HashMap<>();
                    for (Row row : rows) {
                        open.put(row.getString("station_id"), row.getLong("n"));
                    }
                    return open;
                });
    }
}
