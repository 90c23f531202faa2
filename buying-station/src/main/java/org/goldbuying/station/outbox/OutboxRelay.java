package org.goldbuying.station.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.goldbuying.web.OrderedRelay;

/**
 * Sends the outbox to Kafka, oldest first and one at a time, keyed by station so the centre sees one station's
 * purchases in order ({@link OrderedRelay}: marked sent only after Kafka acknowledged, a round stops at the first
 * refusal, exponential back-off). A crash between the two resends an event, which the centre's idempotent ingest
 * absorbs. While Kafka is unreachable the counter keeps working; the backlog drains when the link returns.
 */
@ApplicationScoped
public class OutboxRelay implements OrderedRelay.Outbox<OutboxEvent> {
    private final OutboxRepository events;
    private final OutboxConfig config;
    private final Clock clock;
    private final OrderedRelay<OutboxEvent> relay;

    @Inject
    @Channel("purchases")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> purchases;

    public OutboxRelay(OutboxRepository events, OutboxConfig config, Clock clock) {
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.relay = new OrderedRelay<>("Outbox", this, config.pollInterval(), config.maxBackoff(), clock);
    }

    public OrderedRelay.Status status() {
        return relay.status();
    }

    @Scheduled(
            every = "${station.outbox.poll-interval}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return relay.round();
    }

    @Override
    public Uni<List<OutboxEvent>> unsent() {
        return Panache.withSession(() -> events.unsent(config.batchSize()));
    }

    @Override
    public Uni<Void> publish(OutboxEvent event) {
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.messageKey)
                        .build());
        return purchases.sendMessage(message);
    }

    @Override
    public Uni<Integer> markSent(List<OutboxEvent> acknowledged) {
        List<Long> ids = acknowledged.stream().map(e -> e.id).toList();
        return Panache.withTransaction(() -> events.markSent(ids, clock.instant()));
    }

    @Override
    public Uni<Void> recordFailure(OutboxEvent event, String error) {
        return Panache.withTransaction(() -> events.recordFailure(List.of(event.id), error))
                .replaceWithVoid();
    }

    @Override
    public String describe(OutboxEvent event) {
        return "event " + event.id;
    }
}
