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
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;
import org.goldbuying.centre.dashboard.DashboardEvents;
import org.jboss.logging.Logger;

/** Keeps the integrity incidents ingest finds, and reads them for the treasury and the station view. */
@ApplicationScoped
public class IntegrityIncidents {
    private static final Logger LOG = Logger.getLogger(IntegrityIncidents.class);

    private final Pool database;
    private final Clock clock;
    private final DashboardEvents dashboard;

    public IntegrityIncidents(Pool database, Clock clock, DashboardEvents dashboard) {
        this.database = database;
        this.clock = clock;
        this.dashboard = dashboard;
    }

    /** Stores the incidents; completes once they are committed. */
    public Uni<Void> record(List<IntegrityIncident> incidents) {
        if (incidents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = now();
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
                .invoke(() -> dashboard.integrityChanged(incidents.stream()
                        .map(IntegrityIncident::stationId)
                        .distinct()
                        .toList()))
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
            String status,
            String resolutionNote,
            String proposedBy,
            String resolvedBy) {}

    /** The newest incidents first, open ones before resolved ones. */
    public Uni<List<View>> latest(int limit) {
        return database.preparedQuery(
                        "SELECT id, detected_at, kind, station_id, purchase_id, evidence, payload, status,"
                                + " resolution_note, proposed_by, resolved_by FROM integrity_incident"
                                + " ORDER BY status = 'RESOLVED', id DESC LIMIT $1")
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
                                row.getString("status"),
                                row.getString("resolution_note"),
                                row.getString("proposed_by"),
                                row.getString("resolved_by")));
                    }
                    return views;
                });
    }

    /** Open incidents per station. */
    public Uni<Map<String, Long>> openByStation() {
        return database.query("SELECT station_id, count(*) AS n FROM integrity_incident WHERE status <> 'RESOLVED'"
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

    /** One treasury user proposes how an open incident is resolved (what was found, what was done). */
    public Uni<Void> proposeResolution(long id, String note, String by) {
        return state(id).chain(incident -> {
            incident.require("OPEN", "only an open incident takes a proposed resolution");
            return change(
                    incident,
                    "UPDATE integrity_incident SET status = 'RESOLUTION_PROPOSED', resolution_note = $3,"
                            + " proposed_by = $4, proposed_at = $5 WHERE id = $1 AND status = $2",
                    Tuple.of(id, incident.status(), note, by, now()));
        });
    }

    /** Another treasury user confirms the proposed resolution: four eyes, never the proposer. */
    public Uni<Void> confirmResolution(long id, String by) {
        return state(id).chain(incident -> {
            incident.require("RESOLUTION_PROPOSED", "only a proposed resolution can be confirmed");
            if (by.equals(incident.proposedBy())) {
                throw new CentreException(
                        CentreError.SELF_APPROVAL,
                        "You proposed this resolution: a different treasury user confirms it (four eyes).");
            }
            return change(
                    incident,
                    "UPDATE integrity_incident SET status = 'RESOLVED', resolved_by = $3, resolved_at = $4"
                            + " WHERE id = $1 AND status = $2",
                    Tuple.of(id, incident.status(), by, now()));
        });
    }

    /** Where an incident stands in its resolution. */
    private record State(long id, String status, String proposedBy, String stationId) {
        void require(String expected, String rule) {
            if (!expected.equals(status)) {
                throw new CentreException(
                        CentreError.ALREADY_DECIDED, "Incident " + id + " is " + status + ": " + rule + ".");
            }
        }
    }

    private Uni<State> state(long id) {
        return database.preparedQuery("SELECT status, proposed_by, station_id FROM integrity_incident WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new CentreException(CentreError.NOT_FOUND, "No integrity incident " + id + ".");
                    }
                    Row row = rows.iterator().next();
                    return new State(
                            id, row.getString("status"), row.getString("proposed_by"), row.getString("station_id"));
                });
    }

    /**
     * Applies a decision guarded by the status it was made on: when another decision came in between, that one
     * stands and this one is refused.
     */
    private Uni<Void> change(State incident, String statement, Tuple arguments) {
        return database.preparedQuery(statement).execute(arguments).map(rows -> {
            if (rows.rowCount() == 0) {
                throw new CentreException(
                        CentreError.ALREADY_DECIDED,
                        "Incident " + incident.id() + " was decided by someone else meanwhile; reload it.");
            }
            dashboard.integrityChanged(List.of(incident.stationId()));
            return null;
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
