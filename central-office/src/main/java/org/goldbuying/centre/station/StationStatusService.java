package org.goldbuying.centre.station;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.goldbuying.centre.integrity.IntegrityIncidents;

/** Every station's latest heartbeat, joined with what the centre has ingested from it, judged by StationHealth. */
@ApplicationScoped
public class StationStatusService {
    private final Pool database;
    private final StationsConfig config;
    private final IntegrityIncidents incidents;
    private final Clock clock;

    public StationStatusService(Pool database, StationsConfig config, IntegrityIncidents incidents, Clock clock) {
        this.database = database;
        this.config = config;
        this.incidents = incidents;
        this.clock = clock;
    }

    private record Ingested(long count, Instant lastPaidAt) {}

    public Uni<List<StationView>> stations() {
        return database.query("""
                SELECT station_id, count(*) AS purchases, max(paid_at) AS last_paid FROM purchase GROUP BY \
                station_id""")
                .execute()
                .map(rows -> {
                    Map<String, Ingested> ingested = new HashMap<>();
                    for (Row row : rows) {
                        ingested.put(
                                row.getString("station_id"),
                                new Ingested(row.getLong("purchases"), instant(row.getOffsetDateTime("last_paid"))));
                    }
                    return ingested;
                })
                .chain(ingested -> incidents
                        .openByStation()
                        .chain(open -> database.query("SELECT * FROM station_status ORDER BY station_id")
                                .execute()
                                .map(rows -> {
                                    Instant now = clock.instant();
                                    List<StationView> views = new ArrayList<>();
                                    for (Row row : rows) {
                                        String station = row.getString("station_id");
                                        Ingested in = ingested.getOrDefault(station, new Ingested(0, null));
                                        views.add(view(row, in, open.getOrDefault(station, 0L), now));
                                    }
                                    return views;
                                })
                                .chain(views -> withUnheard(views, ingested, open))));
    }

    /**
     * The stations the centre knows without a heartbeat yet: a registered key, purchases in the reserve, or integrity
     * incidents. Such a station is listed even if it never reported (offline, with the alerts), so that its purchases
     * and incidents are seen beside it.
     */
    private Uni<List<StationView>> withUnheard(
            List<StationView> heard, Map<String, Ingested> ingested, Map<String, Long> open) {
        Set<String> known = new HashSet<>();
        heard.forEach(view -> known.add(view.stationId()));
        return database.query("SELECT DISTINCT ON (station_id) station_id, region FROM station_key"
                        + " WHERE status IN ('ACTIVE', 'RETIRED') ORDER BY station_id, proposed_at DESC")
                .execute()
                .map(rows -> {
                    Map<String, String> regions = new TreeMap<>();
                    for (Row row : rows) {
                        regions.put(row.getString("station_id"), row.getString("region"));
                    }
                    open.keySet().forEach(station -> regions.putIfAbsent(station, null));
                    ingested.keySet().forEach(station -> regions.putIfAbsent(station, null));
                    List<StationView> all = new ArrayList<>(heard);
                    regions.forEach((station, region) -> {
                        if (!known.contains(station)) {
                            Ingested in = ingested.getOrDefault(station, new Ingested(0, null));
                            all.add(unheard(station, region, in, open.getOrDefault(station, 0L)));
                        }
                    });
                    return all;
                });
    }

    private static StationView unheard(String station, String region, Ingested in, long openIncidents) {
        List<String> health = List.of("No heartbeat received from this station yet");
        return new StationView(
                station,
                region,
                false,
                null,
                0,
                0,
                null,
                0,
                in.count(),
                0,
                in.lastPaidAt(),
                null,
                null,
                null,
                null,
                null,
                openIncidents,
                alerts(health, openIncidents));
    }

    private StationView view(Row row, Ingested in, long openIncidents, Instant now) {
        StationHealth.Facts facts = new StationHealth.Facts(
                instant(row.getOffsetDateTime("last_heartbeat_at")),
                row.getLong("interval_seconds"),
                row.getLong("outbox_backlog"),
                row.getLong("last_station_sequence"),
                in.count(),
                row.getString("balance_status"),
                row.getLocalDate("balance_verification_expiry"));
        StationHealth.Verdict verdict =
                StationHealth.judge(facts, now, config.offlineAfter(), config.verificationWarningDays());
        Instant lastPaid = in.lastPaidAt() != null ? in.lastPaidAt() : instant(row.getOffsetDateTime("last_paid_at"));
        return new StationView(
                row.getString("station_id"),
                row.getString("region"),
                verdict.online(),
                facts.lastHeartbeatAt(),
                facts.intervalSeconds(),
                facts.outboxBacklog(),
                instant(row.getOffsetDateTime("oldest_unsent_at")),
                facts.lastStationSequence(),
                in.count(),
                verdict.missingPurchases(),
                lastPaid,
                row.getLong("price_tick_sequence"),
                row.getString("balance_device_id"),
                facts.balanceStatus(),
                row.getString("balance_fault"),
                facts.verificationExpiry(),
                openIncidents,
                alerts(verdict.alerts(), openIncidents));
    }

    /** The health alerts, after the integrity incidents: a purchase refused as not genuine comes first. */
    private static List<String> alerts(List<String> health, long openIncidents) {
        if (openIncidents == 0) {
            return health;
        }
        List<String> alerts = new ArrayList<>();
        alerts.add(openIncidents + " integrity incident" + (openIncidents == 1 ? "" : "s")
                + " open: purchase messages refused as not genuine (see the integrity incidents)");
        alerts.addAll(health);
        return alerts;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
