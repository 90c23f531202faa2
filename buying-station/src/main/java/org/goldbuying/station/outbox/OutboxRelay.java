package org.goldbuying.station.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends the outbox to Kafka, oldest first and one at a time, keyed by station so the centre sees one station's
 * purchases in order. An event is marked sent only after Kafka acknowledged it (acks=all); a crash between the two
 * resends it, which the centre's idempotent ingest absorbs. While Kafka is unreachable the relay backs off
 * exponentially and the
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
    private volatile int consecutiveFailures;
    private final AtomicLong failedRounds = new AtomicLong();
    private final AtomicLong sentEvents = new AtomicLong();
    private volatile String lastError;
    private volatile Instant lastFailureAt;
    private volatile Instant lastSentAt;

    public OutboxRelay(OutboxRepository events, OutboxConfig config, Clock clock) {
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * What the relay is doing: {@code failedRounds} counts every round whose batch Kafka did not acknowledge since the
     * start, {@code consecutiveFailures} those since the last success; while backing off, no round starts before
     * {@code nextAttemptAt}. The last error and failure time are kept after a success, for the record.
     */
    public record Status(
            boolean backingOff,
            int consecutiveFailures,
            long failedRounds,
            long backoffMillis,
            Instant nextAttemptAt,
            String lastError,
            Instant lastFailureAt,
            long sentEvents,
            Instant lastSentAt) {}

    public Status status() {
        Instant next = pausedUntil;
        boolean backingOff = consecutiveFailures > 0;
        return new Status(
                backingOff,
                consecutiveFailures,
                failedRounds.get(),
                backoff.toMillis(),
                backingOff ? next : null,
                lastError,
                lastFailureAt,
                sentEvents.get(),
                lastSentAt);
    }

    @Scheduled(
            every = "${station.outbox.poll-interval}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        if (clock.instant().isBefore(pausedUntil)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> events.unsent(config.batchSize()))
                .chain(this::send)
                .onFailure()
                .invoke(failure -> LOG.warnf("Outbox: cannot read or update the outbox: %s", failure.toString()))
                .onFailure()
                .recoverWithNull();
    }

    /**
     * Sends the batch one event at a time, each only after Kafka acknowledged the one before, and stops at the first
     * failure: the acknowledged events are marked sent and the rest wait for the next round. So the topic never gets
     * an event before its predecessor, and a round cut short by an outage resends only what Kafka did not take.
     */
    private Uni<Void> send(List<OutboxEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Long> acknowledged = new ArrayList<>();
        return Multi.createFrom()
                .iterable(batch)
                .onItem()
                .transformToUniAndConcatenate(event -> publish(event).replaceWith(event.id))
                .invoke(acknowledged::add)
                .collect()
                .last()
                .onItemOrFailure()
                .transformToUni((last, failure) -> markSent(acknowledged)
                        .chain(() -> failure == null
                                ? sent(acknowledged.size())
                                : pause(batch.get(acknowledged.size()).id, failure)));
    }

    private Uni<Void> markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> events.markSent(ids, clock.instant()))
                .invoke(sent -> {
                    sentEvents.addAndGet(sent);
                    lastSentAt = clock.instant();
                })
                .replaceWithVoid();
    }

    private Uni<Void> sent(int count) {
        if (consecutiveFailures > 0) {
            LOG.infof("Outbox: Kafka reachable again after %d failed rounds", consecutiveFailures);
        }
        backoff = Duration.ZERO;
        consecutiveFailures = 0;
        LOG.debugf("Outbox: %d events sent", count);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> publish(OutboxEvent event) {
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.messageKey)
                        .build());
        return purchases.sendMessage(message);
    }

    /** The round failed at event {@code failedId} (Kafka did not acknowledge it); waits longer before the next. */
    private Uni<Void> pause(Long failedId, Throwable failure) {
        backoff = backoff.isZero() ? config.pollInterval() : backoff.multipliedBy(2);
        if (backoff.compareTo(config.maxBackoff()) > 0) {
            backoff = config.maxBackoff();
        }
        Instant now = clock.instant();
        pausedUntil = now.plus(backoff);
        String reason = String.valueOf(failure.getMessage());
        String error = reason.length() > 500 ? reason.substring(0, 500) : reason;
        consecutiveFailures++;
        failedRounds.incrementAndGet();
        lastError = error;
        lastFailureAt = now;
        LOG.warnf("Outbox: event %d not sent (%s); retrying in %d ms", failedId, reason, backoff.toMillis());
        return Panache.withTransaction(() -> events.recordFailure(List.of(failedId), error))
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
