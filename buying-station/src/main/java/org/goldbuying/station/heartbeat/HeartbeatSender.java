package org.goldbuying.station.heartbeat;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.StationHeartbeat;
import org.goldbuying.station.StationConfig;
import org.goldbuying.station.weighing.BalanceConfig;
import org.goldbuying.station.weighing.CounterBalance;
import org.jboss.logging.Logger;

/**
 * Tells the centre, at a fixed interval, that this station is alive: its outbox backlog, its latest purchase, the
 * price tick it holds and its balance's state. Sent straight to Kafka, not through the outbox: a heartbeat that
 * cannot be sent is simply replaced by the next one, and the missing ones are what tells the centre the link is cut.
 */
@ApplicationScoped
public class HeartbeatSender {
    private static final Logger LOG = Logger.getLogger(HeartbeatSender.class);
    private static final String FACTS = """
            SELECT (SELECT count(*) FROM outbox_event WHERE sent_at IS NULL) AS backlog,
                   (SELECT min(created_at) FROM outbox_event WHERE sent_at IS NULL) AS oldest_unsent,
                   (SELECT value FROM station_counter WHERE name = 'purchase') AS last_sequence,
                   (SELECT max(paid_at) FROM lot WHERE status = 'PAID') AS last_paid,
                   (SELECT max(sequence) FROM price_tick) AS tick""";

    private final Pool database;
    private final StationConfig station;
    private final CounterBalance balance;
    private final BalanceConfig balanceConfig;
    private final HeartbeatConfig config;
    private final Clock clock;

    @Inject
    @Channel("heartbeats")
    MutinyEmitter<String> heartbeats;

    public HeartbeatSender(
            Pool database,
            StationConfig station,
            CounterBalance balance,
            BalanceConfig balanceConfig,
            HeartbeatConfig config,
            Clock clock) {
        this.config = config;
        this.database = database;
        this.station = station;
        this.balance = balance;
        this.balanceConfig = balanceConfig;
        this.clock = clock;
    }

    @Scheduled(
            every = "${station.heartbeat.interval}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> beat() {
        return current()
                .chain(heartbeat -> heartbeats.sendMessage(Message.of(Contract.STATION_HEARTBEAT.write(heartbeat))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(station.id())
                                .build())))
                .onFailure()
                .invoke(failure -> LOG.debugf("Heartbeat not sent: %s", failure.toString()))
                .onFailure()
                .recoverWithNull();
    }

    /** The heartbeat as it would be sent now. */
    public Uni<StationHeartbeat> current() {
        return database.query(FACTS).execute().map(rows -> {
            Row row = rows.iterator().next();
            CounterBalance.DeviceHealth health = balance.health();
            return new StationHeartbeat(
                    StationHeartbeat.CONTRACT,
                    station.id(),
                    station.region(),
                    clock.instant(),
                    config.interval().toSeconds(),
                    row.getLong("backlog"),
                    instant(row.getOffsetDateTime("oldest_unsent")),
                    row.getLong("last_sequence"),
                    instant(row.getOffsetDateTime("last_paid")),
                    row.getLong("tick"),
                    new StationHeartbeat.Balance(
                            balanceConfig.deviceId(),
                            StationHeartbeat.BalanceStatus.valueOf(
                                    health.state().name()),
                            health.fault(),
                            balanceConfig.verificationExpiry()));
        });
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
