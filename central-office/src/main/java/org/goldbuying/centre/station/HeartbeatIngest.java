package org.goldbuying.centre.station;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.ContractViolation;
import org.goldbuying.contracts.StationHeartbeat;
import org.jboss.logging.Logger;

/**
 * Keeps the latest heartbeat of each station. An older heartbeat arriving late (redelivery, compaction replay)
 * never overwrites a newer one. A heartbeat that breaks its contract is parked on the dead-letter topic with the
 * reason and the consumer goes on.
 */
@ApplicationScoped
public class HeartbeatIngest {
    private static final Logger LOG = Logger.getLogger(HeartbeatIngest.class);

    static final String UPSERT = """
            INSERT INTO station_status (station_id, region, last_heartbeat_at, received_at, interval_seconds,
                outbox_backlog, oldest_unsent_at, last_station_sequence, last_paid_at, price_tick_sequence,
                balance_device_id, balance_status, balance_fault, balance_verification_expiry, payload)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            ON CONFLICT (station_id) DO UPDATE SET region = EXCLUDED.region,
                last_heartbeat_at = EXCLUDED.last_heartbeat_at, received_at = EXCLUDED.received_at,
                interval_seconds = EXCLUDED.interval_seconds, outbox_backlog = EXCLUDED.outbox_backlog,
                oldest_unsent_at = EXCLUDED.oldest_unsent_at, last_station_sequence = EXCLUDED.last_station_sequence,
                last_paid_at = EXCLUDED.last_paid_at, price_tick_sequence = EXCLUDED.price_tick_sequence,
                balance_device_id = EXCLUDED.balance_device_id, balance_status = EXCLUDED.balance_status,
                balance_fault = EXCLUDED.balance_fault,
                balance_verification_expiry = EXCLUDED.balance_verification_expiry, payload = EXCLUDED.payload
            WHERE station_status.last_heartbeat_at < EXCLUDED.last_heartbeat_at""";

    private final Pool database;
    private final Clock clock;

    public HeartbeatIngest(Pool database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Incoming("heartbeats")
    public Uni<Void> ingest(String json) {
        StationHeartbeat beat;
        try {
            beat = Contract.STATION_HEARTBEAT.read(json);
        } catch (ContractViolation violation) {
            LOG.warnf("Heartbeat refused, parked on the dead-letter topic: %s", violation.getMessage());
            return Uni.createFrom().failure(violation);
        }
        return database.preparedQuery(UPSERT)
                .execute(Tuple.from(Arrays.asList(
                        beat.stationId(),
                        beat.region(),
                        utc(beat.sentAt()),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        beat.intervalSeconds(),
                        beat.outboxBacklog(),
                        beat.oldestUnsentAt() == null ? null : utc(beat.oldestUnsentAt()),
                        beat.lastStationSequence(),
                        beat.lastPaidAt() == null ? null : utc(beat.lastPaidAt()),
                        beat.priceTickSequence(),
                        beat.balance().deviceId(),
                        beat.balance().status().name(),
                        beat.balance().fault(),
                        beat.balance().verificationExpiry(),
                        json)))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
