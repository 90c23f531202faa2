package org.goldbuying.station.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** The oldest unsent events, in the order they were written. */
    /** The event of this type written for this aggregate (a paid lot's signed purchase), if any. */
    public Uni<OutboxEvent> of(UUID aggregateId, String eventType) {
        return find("aggregateId = ?1 and eventType = ?2", aggregateId, eventType)
                .firstResult();
    }

    public Uni<List<OutboxEvent>> unsent(int limit) {
        return find("sentAt is null", Sort.by("id")).page(Page.ofSize(limit)).list();
    }

    public Uni<Integer> markSent(List<Long> ids, Instant sentAt) {
        return update("sentAt = ?1, lastError = null where id in ?2", sentAt, ids);
    }

    public Uni<Integer> recordFailure(List<Long> ids, String error) {
        return update("attempts = attempts + 1, lastError = ?1 where id in ?2", error, ids);
    }

    /** The oldest unsent event (the next the relay sends), or null when the backlog is empty. */
    public Uni<OutboxEvent> oldestUnsent() {
        return find("sentAt is null", Sort.by("id")).firstResult();
    }

    public Uni<Long> backlog() {
        return count("sentAt is null");
    }
}
