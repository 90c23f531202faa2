package org.goldbuying.centre.seller;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
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
import java.util.List;
import org.goldbuying.centre.dashboard.DashboardEvents;
import org.jboss.logging.Logger;

/**
 * Purchases paid to a seller the national register had blocked when they were paid. A station refuses such a seller
 * at the counter, so one in the reserve was bought while the station had not heard of the block (offline), or after
 * someone lifted it in the station's own database: either way the treasury and compliance must see it. Found from the
 * reserve and the register alone (the purchase's seller through the station's alias, the seller's standing at the
 * payment's time), off the ingest's path: each round reads the purchases that arrived since the round before. The
 * purchase stays in the reserve (the gold was bought); the BLOCKED_SELLER incident says what to look into.
 */
@ApplicationScoped
public class BlockedSellerWatch {
    private static final Logger LOG = Logger.getLogger(BlockedSellerWatch.class);

    /** How far before the previous round's window a round looks again (ingested_at is taken before the commit). */
    private static final Duration OVERLAP = Duration.ofMinutes(5);

    /** How far back the first round after a start looks. */
    private static final Duration FIRST_LOOK = Duration.ofDays(1);

    /**
     * One incident per purchase that arrived in [$2, $3) and was paid while the seller's latest decided standing was
     * BLOCKED; a purchase reported already is not reported again.
     */
    private static final String REPORT = """
            INSERT INTO integrity_incident (detected_at, kind, station_id, purchase_id, evidence, payload)
            SELECT $1, 'BLOCKED_SELLER', p.station_id, p.purchase_id,
                'Purchase no. ' || p.station_sequence || ' of station ' || p.station_id || ' was paid at '
                    || to_char(p.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC to seller '
                    || s.name || ' (national register ' || s.seller_id || '), blocked by the register since '
                    || to_char(st.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC: ' || st.reason
                    || '. The station had not heard of the block (offline?) or it was lifted in its database:'
                    || ' ask the station.',
                p.payload
            FROM purchase p
            JOIN national_seller_alias a ON a.station_id = p.station_id
                AND a.station_seller_id = CASE WHEN p.seller_id ~ '^[0-9a-fA-F-]{36}$' THEN p.seller_id::uuid END
            JOIN national_seller s ON s.seller_id = a.seller_id
            JOIN LATERAL (SELECT status, reason, decided_at FROM national_seller_standing
                WHERE seller_id = a.seller_id AND decided_at <= p.paid_at
                ORDER BY decided_at DESC, id DESC LIMIT 1) st ON st.status = 'BLOCKED'
            WHERE p.ingested_at >= $2 AND p.ingested_at < $3
            ON CONFLICT (purchase_id) WHERE kind = 'BLOCKED_SELLER' DO NOTHING
            RETURNING station_id, evidence""";

    private final Pool database;
    private final DashboardEvents dashboard;
    private final Clock clock;
    /** The end of the last round's window (null before the first). */
    private volatile Instant lastRoundBefore;

    public BlockedSellerWatch(Pool database, DashboardEvents dashboard, Clock clock) {
        this.database = database;
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @Scheduled(
            every = "${centre.seller-relay.blocked-seller-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> round() {
        Instant before = clock.instant();
        Instant from = lastRoundBefore == null ? before.minus(FIRST_LOOK) : lastRoundBefore.minus(OVERLAP);
        return check(from, before).invoke(opened -> lastRoundBefore = before).replaceWithVoid();
    }

    /** Reports each purchase that arrived in [{@code from}, {@code before}) from a blocked seller; how many. */
    public Uni<Integer> check(Instant from, Instant before) {
        return database.preparedQuery(REPORT)
                .execute(Tuple.of(utc(clock.instant()), utc(from), utc(before)))
                .map(rows -> {
                    List<String> stations = new ArrayList<>();
                    for (Row row : rows) {
                        stations.add(row.getString("station_id"));
                        LOG.errorf(
                                "Integrity incident BLOCKED_SELLER from station %s: %s",
                                row.getString("station_id"), row.getString("evidence"));
                    }
                    if (!stations.isEmpty()) {
                        dashboard.integrityChanged(stations.stream().distinct().toList());
                    }
                    return stations.size();
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
