package org.goldbuying.station.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** Writes events into the outbox; callers must be inside the transaction of the change the event reports. */
@ApplicationScoped
public class Outbox {
    private final OutboxRepository events;
    private final Clock clock;

    public Outbox(OutboxRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Uni<OutboxEvent> append(UUID aggregateId, String eventType, String messageKey, String payload) {
        OutboxEvent event = new OutboxEvent();
        event.aggregateId = aggregateId;
        event.eventType = eventType;
        event.messageKey = messageKey;
        event.payload = payload;
        event.createdAt = clock.instant();
        return events.persist(event);
    }
}
