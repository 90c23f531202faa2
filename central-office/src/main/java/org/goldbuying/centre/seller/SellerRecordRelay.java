package org.goldbuying.centre.seller;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.goldbuying.centre.price.TickSigner;
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.web.OrderedRelay;

/**
 * Sends each revision of the register's records to every station ({@link OrderedRelay}: in the order written,
 * re-sent until Kafka acknowledges it), keyed by seller on the compacted topic, signed with the centre's key as price
 * ticks are: whoever else can write to Kafka cannot unblock a seller at the counters.
 */
@ApplicationScoped
public class SellerRecordRelay implements OrderedRelay.Outbox<SellerRecordRelay.Unsent> {
    private final Pool database;
    private final SellerRegisterConfig config;
    private final TickSigner signer;
    private final Clock clock;
    private final OrderedRelay<Unsent> relay;

    @Inject
    @Channel("sellers")
    MutinyEmitter<String> emitter;

    /** One revision of a seller's record not yet acknowledged by Kafka. */
    public record Unsent(long id, UUID sellerId, long revision, String payload) {}

    public SellerRecordRelay(Pool database, SellerRegisterConfig config, TickSigner signer, Clock clock) {
        this.database = database;
        this.config = config;
        this.signer = signer;
        this.clock = clock;
        this.relay = new OrderedRelay<>("Seller register", this, config.pollInterval(), config.maxBackoff(), clock);
    }

    public OrderedRelay.Status status() {
        return relay.status();
    }

    @Scheduled(
            every = "${centre.seller-relay.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        return relay.round();
    }

    @Override
    public Uni<List<Unsent>> unsent() {
        return database.preparedQuery("SELECT id, seller_id, revision, payload FROM seller_record_outbox"
                        + " WHERE sent_at IS NULL ORDER BY id LIMIT $1")
                .execute(Tuple.of(config.batchSize()))
                .map(rows -> {
                    List<Unsent> unsent = new ArrayList<>();
                    for (Row row : rows) {
                        unsent.add(new Unsent(row.getLong(0), row.getUUID(1), row.getLong(2), row.getString(3)));
                    }
                    return unsent;
                });
    }

    @Override
    public Uni<Void> publish(Unsent record) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TickSignature.HEADER, signer.sign(record.payload()).getBytes(StandardCharsets.US_ASCII));
        return emitter.sendMessage(Message.of(record.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.sellerId().toString())
                        .withHeaders(headers)
                        .build()));
    }

    @Override
    public Uni<Integer> markSent(List<Unsent> acknowledged) {
        Long[] ids = acknowledged.stream().map(Unsent::id).toArray(Long[]::new);
        return database.preparedQuery("UPDATE seller_record_outbox SET sent_at = $2 WHERE id = ANY($1)")
                .execute(Tuple.of(ids, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }

    @Override
    public Uni<Void> recordFailure(Unsent record, String error) {
        return database.preparedQuery("UPDATE seller_record_outbox SET send_attempts = send_attempts + 1,"
                        + " last_send_error = $2 WHERE id = $1")
                .execute(Tuple.of(record.id(), error))
                .replaceWithVoid();
    }

    @Override
    public String describe(Unsent record) {
        return "seller " + record.sellerId() + " revision " + record.revision();
    }
}
