package org.goldbuying.web;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Relays a table of records written in the business transaction (an outbox) to Kafka: oldest first and one at a time,
 * each sent only after Kafka acknowledged the one before, so the topic never gets a record ahead of its predecessor.
 * What Kafka acknowledged is marked sent; a round stops at the first record it did not take, which waits for the next
 * round, and rounds back off exponentially while Kafka is unreachable. A crash between the acknowledgement and the
 * mark sends a record again, which its consumers absorb. Shared by the station's purchases and the centre's ticks;
 * the caller runs the rounds (a scheduler) and supplies the I/O.
 *
 * @param <R> a record of the outbox
 */
public final class OrderedRelay<R> {

    /** The outbox's I/O: each method opens its own session or transaction as it needs. */
    public interface Outbox<R> {
        /** The oldest unsent records, in the order they were written. */
        Uni<List<R>> unsent();

        /** Completes when Kafka acknowledged the record. */
        Uni<Void> publish(R record);

        /** Marks the acknowledged records sent; returns how many. */
        Uni<Integer> markSent(List<R> acknowledged);

        /** Notes that Kafka did not take the record (for the operators' view). */
        Uni<Void> recordFailure(R record, String error);

        /** The record as a log line names it. */
        String describe(R record);
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

    private static final Logger LOG = Logger.getLogger(OrderedRelay.class);

    private final String name;
    private final Outbox<R> outbox;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final Clock clock;
    private final AtomicBoolean inRound = new AtomicBoolean();

    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile Duration backoff = Duration.ZERO;
    private volatile int consecutiveFailures;
    private final AtomicLong failedRounds = new AtomicLong();
    private final AtomicLong sentRecords = new AtomicLong();
    private volatile String lastError;
    private volatile Instant lastFailureAt;
    private volatile Instant lastSentAt;

    public OrderedRelay(String name, Outbox<R> outbox, Duration pollInterval, Duration maxBackoff, Clock clock) {
        this.name = name;
        this.outbox = outbox;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    public Status status() {
        boolean backingOff = consecutiveFailures > 0;
        return new Status(
                backingOff,
                consecutiveFailures,
                failedRounds.get(),
                backoff.toMillis(),
                backingOff ? pausedUntil : null,
                lastError,
                lastFailureAt,
                sentRecords.get(),
                lastSentAt);
    }

    /**
     * One round: the unsent records, sent in order until Kafka refuses one. Never fails. A round asked for while
     * another runs, or while the relay backs off, does nothing (the running round or the next one sends the record).
     */
    public Uni<Void> round() {
        if (clock.instant().isBefore(pausedUntil) || !inRound.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom()
                .deferred(outbox::unsent)
                .chain(this::send)
                .onFailure()
                .invoke(failure -> LOG.warnf("%s: cannot read or update the outbox: %s", name, failure.toString()))
                .onFailure()
                .recoverWithNull()
                .eventually(() -> inRound.set(false))
                .replaceWithVoid();
    }

    private Uni<Void> send(List<R> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<R> acknowledged = new ArrayList<>();
        return Multi.createFrom()
                .iterable(batch)
                .onItem()
                .transformToUniAndConcatenate(record -> outbox.publish(record).replaceWith(record))
                .invoke(acknowledged::add)
                .collect()
                .last()
                .onItemOrFailure()
                .transformToUni((last, failure) -> markSent(acknowledged)
                        .chain(() -> failure == null
                                ? sent(acknowledged.size())
                                : pause(batch.get(acknowledged.size()), failure)));
    }

    private Uni<Void> markSent(List<R> acknowledged) {
        if (acknowledged.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.markSent(acknowledged)
                .invoke(sent -> {
                    sentRecords.addAndGet(sent);
                    lastSentAt = clock.instant();
                })
                .replaceWithVoid();
    }

    private Uni<Void> sent(int count) {
        if (consecutiveFailures > 0) {
            LOG.infof("%s: Kafka reachable again after %d failed rounds", name, consecutiveFailures);
        }
        backoff = Duration.ZERO;
        consecutiveFailures = 0;
        LOG.debugf("%s: %d records sent", name, count);
        return Uni.createFrom().voidItem();
    }

    /** The round failed at {@code failed} (Kafka did not acknowledge it): waits longer before the next. */
    private Uni<Void> pause(R failed, Throwable failure) {
        backoff = backoff.isZero() ? pollInterval : backoff.multipliedBy(2);
        if (backoff.compareTo(maxBackoff) > 0) {
            backoff = maxBackoff;
        }
        Instant now = clock.instant();
        pausedUntil = now.plus(backoff);
        String reason = String.valueOf(failure.getMessage());
        String error = reason.length() > 500 ? reason.substring(0, 500) : reason;
        consecutiveFailures++;
        failedRounds.incrementAndGet();
        lastError = error;
        lastFailureAt = now;
        LOG.warnf("%s: %s not sent (%s); retrying in %d ms", name, outbox.describe(failed), reason, backoff.toMillis());
        return outbox.recordFailure(failed, error).onFailure().recoverWithNull().replaceWithVoid();
    }
}
