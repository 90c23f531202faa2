package org.goldbuying.centre.ingest;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.goldbuying.centre.dashboard.DashboardEvents;
import org.jboss.logging.Logger;

/**
 * Purchases paid at a station that never reached the centre. A station numbers its purchases without gaps, so a
 * position below the newest one the reserve holds, still empty some time after the purchase above it arrived, is a
 * purchase lost, held back, or deleted from the station's outbox by someone there. The station's heartbeat counts
 * such purchases too, but whoever runs the station controls its heartbeat: this reads only the reserve. Each purchase
 * that arrives above empty positions opens one MISSING_PURCHASE incident for the positions between it and the
 * station's next purchase below (a refused message naming a position does not fill it: the genuine purchase is what is
 * missing). Reports are keyed on that arrival, never merged with an earlier one, so an earlier wide report (a key that
 * signed far ahead) cannot hide a later gap inside it. The centre resolves an incident itself once every position has
 * arrived, and the treasury otherwise, with four eyes.
 */
@ApplicationScoped
public class MissingPurchaseWatch {
    /** Who resolves a missing-purchase incident whose purchases all arrived: the centre itself. */
    static final String ARRIVED = "centre (arrived)";

    private static final Logger LOG = Logger.getLogger(MissingPurchaseWatch.class);

    /**
     * The run of empty positions below each purchase that arrived in [$1, $2) ($3: only these stations, or all when
     * null): its predecessor position is empty, and the run reaches down to the station's next purchase below. Reads
     * only the purchases that arrived in the window (by ingested_at) and, for each, one step down the station's index.
     */
    private static final String GAPS = """
            SELECT p.station_id, coalesce(below.station_sequence, 0) + 1 AS missing_from,
                p.station_sequence - 1 AS missing_to, p.station_sequence AS arrived_sequence,
                p.ingested_at AS arrived_at
            FROM purchase p
            LEFT JOIN LATERAL (
                SELECT q.station_sequence FROM purchase q
                WHERE q.station_id = p.station_id AND q.station_sequence < p.station_sequence
                ORDER BY q.station_sequence DESC LIMIT 1) below ON TRUE
            WHERE p.ingested_at >= $1 AND p.ingested_at < $2
                AND ($3::text[] IS NULL OR p.station_id = ANY($3::text[]))
                AND p.station_sequence > coalesce(below.station_sequence, 0) + 1""";

    /**
     * How far before the previous round's window a round looks again: a purchase's ingested_at is taken before its
     * transaction commits, so it can become visible after a round that covered its time has read.
     */
    private static final Duration OVERLAP = Duration.ofMinutes(5);

    /** How far back the first round after a start looks. */
    private static final Duration FIRST_LOOK = Duration.ofDays(1);

    private static final String OPEN_INCIDENT = """
            INSERT INTO integrity_incident (detected_at, kind, station_id, evidence, payload, missing_from, missing_to)
            VALUES ($1, 'MISSING_PURCHASE', $2, $3, $4, $5, $6)
            ON CONFLICT (station_id, missing_to) WHERE kind = 'MISSING_PURCHASE' DO NOTHING
            RETURNING id""";

    /**
     * The widest run the centre resolves by itself when its purchases arrive (checking a run counts its purchases).
     * A station does not have this many purchases in flight: a wider run is a key that signed far ahead of the
     * station's sequence, which the treasury resolves.
     */
    static final long LARGEST_RUN_RESOLVED_ON_ARRIVAL = 100_000;

    /** Open missing-purchase incidents all of whose positions are now in the reserve ($1: stations, or all). */
    private static final String RESOLVE_ARRIVED = """
            UPDATE integrity_incident i SET status = 'RESOLVED', resolution_note = $2, proposed_by = $3,
                proposed_at = $4, resolved_by = $5, resolved_at = $4
            WHERE i.kind = 'MISSING_PURCHASE' AND i.status = 'OPEN'
                AND ($1::text[] IS NULL OR i.station_id = ANY($1::text[]))
                AND i.missing_to - i.missing_from < $6
                AND (SELECT count(*) FROM purchase p WHERE p.station_id = i.station_id
                    AND p.station_sequence BETWEEN i.missing_from AND i.missing_to)
                    = i.missing_to - i.missing_from + 1
            RETURNING i.station_id""";

    private final Pool database;
    private final IngestConfig config;
    private final DashboardEvents dashboard;
    private final Clock clock;
    /** The end of the last round's window (null before the first): each round reads only what arrived since. */
    private volatile Instant lastRoundBefore;

    public MissingPurchaseWatch(Pool database, IngestConfig config, DashboardEvents dashboard, Clock clock) {
        this.database = database;
        this.config = config;
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @Scheduled(
            every = "${centre.ingest.missing-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> round() {
        Instant before = clock.instant().minus(config.missingAfter());
        Instant from = lastRoundBefore == null ? before.minus(FIRST_LOOK) : lastRoundBefore.minus(OVERLAP);
        return check(from, before, null)
                .invoke(opened -> lastRoundBefore = before)
                .replaceWithVoid();
    }

    /**
     * Opens an incident for each run of positions missing below a purchase that arrived in [{@code arrivedFrom},
     * {@code arrivedBefore}) and not reported yet, and resolves the incidents whose purchases all arrived since;
     * {@code stations} limits both (null: all). Returns the number of incidents opened.
     */
    public Uni<Integer> check(Instant arrivedFrom, Instant arrivedBefore, String[] stations) {
        return database.preparedQuery(GAPS)
                .execute(Tuple.of(utc(arrivedFrom), utc(arrivedBefore), stations))
                .chain(rows -> {
                    List<Gap> gaps = new ArrayList<>();
                    for (Row row : rows) {
                        gaps.add(Gap.of(row));
                    }
                    return gaps.isEmpty() ? Uni.createFrom().item(0) : report(gaps);
                })
                .call(opened -> resolveArrived(stations));
    }

    /** Opens an incident for each gap not reported yet; the number opened. */
    private Uni<Integer> report(List<Gap> gaps) {
        OffsetDateTime now = utc(clock.instant());
        return Multi.createFrom()
                .iterable(gaps)
                .onItem()
                .transformToUniAndConcatenate(gap -> database.preparedQuery(OPEN_INCIDENT)
                        .execute(Tuple.from(Arrays.asList(
                                now,
                                gap.stationId(),
                                gap.evidence(),
                                new JsonObject()
                                        .put("stationId", gap.stationId())
                                        .put("missingFrom", gap.from())
                                        .put("missingTo", gap.to())
                                        .put("arrivedSequence", gap.arrivedSequence())
                                        .encode(),
                                gap.from(),
                                gap.to())))
                        .map(inserted -> inserted.rowCount() == 1 ? gap : null))
                .filter(Objects::nonNull)
                .collect()
                .asList()
                .invoke(opened -> {
                    opened.forEach(gap -> LOG.errorf(
                            "Integrity incident MISSING_PURCHASE from station %s: %s",
                            gap.stationId(), gap.evidence()));
                    if (!opened.isEmpty()) {
                        dashboard.integrityChanged(
                                opened.stream().map(Gap::stationId).distinct().toList());
                    }
                })
                .map(List::size);
    }

    private Uni<Void> resolveArrived(String[] stations) {
        OffsetDateTime now = utc(clock.instant());
        return database.preparedQuery(RESOLVE_ARRIVED)
                .execute(Tuple.from(Arrays.asList(
                        stations,
                        "Every missing purchase arrived in the reserve afterwards, its signature and chain checked as"
                                + " any purchase's.",
                        "the station's purchases, arrived",
                        now,
                        ARRIVED,
                        LARGEST_RUN_RESOLVED_ON_ARRIVAL)))
                .invoke(rows -> {
                    List<String> resolved = new ArrayList<>();
                    rows.forEach(row -> resolved.add(row.getString("station_id")));
                    if (!resolved.isEmpty()) {
                        dashboard.integrityChanged(resolved.stream().distinct().toList());
                    }
                })
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A run of empty positions of a station and the purchase above it, which shows they were paid. */
    private record Gap(String stationId, long from, long to, long arrivedSequence, OffsetDateTime arrivedAt) {
        static Gap of(Row row) {
            return new Gap(
                    row.getString("station_id"),
                    row.getLong("missing_from"),
                    row.getLong("missing_to"),
                    row.getLong("arrived_sequence"),
                    row.getOffsetDateTime("arrived_at"));
        }

        String evidence() {
            String which = from == to
                    ? "purchase no. " + from + " is"
                    : "purchases no. " + from + " to " + to + " (" + (to - from + 1) + ") are";
            String jump = to - from < LARGEST_RUN_RESOLVED_ON_ARRIVAL
                    ? ""
                    : " So many positions are not purchases in flight: a key of the station signed far ahead of its"
                            + " sequence.";
            return "Station " + stationId + "'s " + which + " not in the reserve, though its purchase no. "
                    + arrivedSequence + " arrived at " + arrivedAt + ": paid at the station and never received (lost,"
                    + " held back, or deleted from the station's outbox). Ask the station for its outbox and receipts."
                    + jump;
        }
    }
}
