package org.goldbuying.centre.ingest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.goldbuying.centre.dashboard.DashboardEvents;
import org.jboss.logging.Logger;

/**
 * A station that sells before two treasury users have approved its key sends purchases the centre must refuse
 * (UNREGISTERED_KEY); the station has sent them and will not send them again. They are kept as incidents with their
 * messages, and once the key they name is approved for their station those messages are sent again on the purchases
 * topic, as the station sent them, to be judged by the ingest like any other (so a forgery still fails its signature
 * or its chain), and their incidents are resolved by the centre on the strength of that approval (the note and the
 * proposer field name the two who approved the key; a refusal of the message sent again is an incident of its own).
 * Only incidents refused because the key was not registered or not yet approved are taken: one refused for another
 * reason (a retired key's, say) stays open. Each message is sent before its incident is resolved, so a crash in
 * between sends it again, which the ingest ignores (the purchase id is already there).
 */
@ApplicationScoped
public class UnregisteredKeyReadmission {
    /** The outgoing channel bound to the purchases topic (application.properties). */
    public static final String CHANNEL = "purchases-readmitted";

    /** Who resolves a readmitted incident: the centre itself, on the two approvers' decision. */
    static final String READMISSION = "centre (readmission)";

    private static final Logger LOG = Logger.getLogger(UnregisteredKeyReadmission.class);

    /**
     * An open incident {@code i} refused only because key {@code k}, which its message names, was not registered or
     * not yet approved for its station ($1 and $2: the words of that refusal).
     */
    private static final String REFUSED_FOR_THE_KEY = """
            i.kind = 'UNREGISTERED_KEY' AND i.status = 'OPEN' AND k.station_id = i.station_id
                AND k.key_id = substring(i.payload from '"stationKeyId"\\s*:\\s*"([0-9a-f]{16})"')
                AND (i.evidence LIKE '%, which is ' || $1 || ' for station %'
                    OR i.evidence LIKE '%, which is ' || $2 || ' for station %')""";

    private static final String WAITING = """
            SELECT i.id, i.station_id, i.payload, k.key_id, k.proposed_by, k.approved_by, k.approved_at
            FROM integrity_incident i JOIN station_key k ON %s
            WHERE k.status IN ('ACTIVE', 'RETIRED')
            ORDER BY i.id
            LIMIT 500""".formatted(REFUSED_FOR_THE_KEY);

    private static final String WAITING_FOR_ONE_KEY = """
            SELECT count(*), coalesce(sum((i.payload::jsonb -> 'weighing' ->> 'grossGrams')::numeric), 0)
            FROM integrity_incident i JOIN station_key k ON %s
            WHERE k.key_id = $3 AND i.payload LIKE '%%"purchase-event/%%'""".formatted(REFUSED_FOR_THE_KEY);

    private final Pool database;
    private final MutinyEmitter<String> purchases;
    private final DashboardEvents dashboard;
    private final Clock clock;

    public UnregisteredKeyReadmission(
            Pool database,
            @Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> purchases,
            DashboardEvents dashboard,
            Clock clock) {
        this.database = database;
        this.purchases = purchases;
        this.dashboard = dashboard;
        this.clock = clock;
    }

    /** What approving a key would readmit: its station's purchases refused for it, their count and gross grams. */
    public record Waiting(
            long purchases,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grossGrams) {}

    /** The purchases signed with this key that wait for its approval (refused while it was not approved). */
    public Uni<Waiting> waitingFor(String keyId) {
        return database.preparedQuery(WAITING_FOR_ONE_KEY)
                .execute(Tuple.of(PurchaseTrust.NOT_REGISTERED, PurchaseTrust.NOT_YET_APPROVED, keyId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Waiting(row.getLong(0), row.getBigDecimal(1));
                });
    }

    @Scheduled(
            every = "${centre.ingest.readmission-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> round() {
        return readmit().replaceWithVoid();
    }

    /** Sends the waiting messages again and resolves their incidents; the number readmitted. */
    public Uni<Integer> readmit() {
        return database.preparedQuery(WAITING)
                .execute(Tuple.of(PurchaseTrust.NOT_REGISTERED, PurchaseTrust.NOT_YET_APPROVED))
                .chain(rows -> {
                    List<Readmitted> waiting = new ArrayList<>();
                    for (Row row : rows) {
                        waiting.add(Readmitted.of(row));
                    }
                    if (waiting.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Multi.createFrom()
                            .iterable(waiting)
                            .onItem()
                            .transformToUniAndConcatenate(this::readmit)
                            .collect()
                            .asList()
                            .invoke(done -> dashboard.integrityChanged(waiting.stream()
                                    .map(Readmitted::stationId)
                                    .distinct()
                                    .toList()))
                            .map(List::size);
                });
    }

    private Uni<Void> readmit(Readmitted waiting) {
        OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(waiting.stationId())
                .build();
        String note = "Readmitted: key " + waiting.keyId() + " was approved for station " + waiting.stationId()
                + " (proposed by " + waiting.proposedBy() + ", approved by " + waiting.approvedBy() + " at "
                + waiting.approvedAt() + "); the message was sent again for the ingest to judge.";
        return purchases
                .sendMessage(Message.of(waiting.payload(), Metadata.of(key)))
                .chain(() -> database.preparedQuery("UPDATE integrity_incident SET status = 'RESOLVED',"
                                + " resolution_note = $2, proposed_by = $3, proposed_at = $4, resolved_by = $5,"
                                + " resolved_at = $6 WHERE id = $1 AND status = 'OPEN'")
                        .execute(Tuple.from(List.of(
                                waiting.id(),
                                note,
                                "key approval by " + waiting.proposedBy() + " and " + waiting.approvedBy(),
                                waiting.approvedAt(),
                                READMISSION,
                                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))))
                .invoke(() -> LOG.infof(
                        "Incident %d of station %s readmitted after key %s was approved",
                        waiting.id(), waiting.stationId(), waiting.keyId()))
                .replaceWithVoid();
    }

    private record Readmitted(
            long id,
            String stationId,
            String payload,
            String keyId,
            String proposedBy,
            String approvedBy,
            OffsetDateTime approvedAt) {
        static Readmitted of(Row row) {
            return new Readmitted(
                    row.getLong("id"),
                    row.getString("station_id"),
                    row.getString("payload"),
                    row.getString("key_id"),
                    row.getString("proposed_by"),
                    row.getString("approved_by"),
                    row.getOffsetDateTime("approved_at"));
        }
    }
}
