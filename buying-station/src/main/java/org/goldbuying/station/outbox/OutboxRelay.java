package org.goldbuying.station.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends the outbox to Kafka, oldest first, keyed by station so the centre sees one station's purchases in order.
 * An event is marked sent only after Kafka acknowledged it (acks=all); a crash between the two resends it, which
 * the centre's idempotent ingest absorbs. While Kafka is unreachable the relay backs off exponentially and the
 * counter keeps working; the backlog drains when the link returns.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository events;
    private final OutboxConfig config;
    private final Clock clock;

    @Inject
    @Channel("purchases")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> purchases;

    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile Duration backoff = Duration.ZERO;

    public OutboxRelay(OutboxRepository events, OutboxConfig config, Clock clock) {
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${station.outbox.poll-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        if (clock.instant().isBefore(pausedUntil)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> events.unsent(config.batchSize()))
                .chain(this::send)
                .onFailure().invoke(failure -> LOG.warnf("Outbox: cannot read the outbox: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> send(List<OutboxEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Long> ids = batch.stream().map(e -> e.id).toList();
        List<Uni<Void>> acks = batch.stream().map(this::publish).toList();
        return Uni.join().all(acks).andCollectFailures()
                .chain(() -> Panache.withTransaction(() -> events.markSent(ids, clock.instant())))
                .invoke(sent -> {
                    backoff = Duration.ZERO;
                    LOG.debugf("Outbox: %d events sent", sent);
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> pause(ids, failure));
    }

    private Uni<Void> publish(OutboxEvent event) {
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.messageKey).build());
        return purchases.sendMessage(message);
    }

    private Uni<Void> pause(List<Long> ids, Throwable failure) {
        backoff = backoff.isZero() ? config.pollInterval() : backoff.multipliedBy(2);
        if (backoff.compareTo(config.maxBackoff()) > 0) {
            backoff = config.maxBackoff();
        }
        pausedUntil = clock.instant().plus(backoff);
        String reason = String.valueOf(failure.getMessage());
        LOG.warnf("Outbox: %d events not sent (%s); retrying in %d ms", ids.size(), reason, backoff.toMillis());
        return Panache.withTransaction(() -> events.recordFailure(ids, reason.length() > 500 ? reason.substring(0, 500) : reason))
                .replaceWithVoid()
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
