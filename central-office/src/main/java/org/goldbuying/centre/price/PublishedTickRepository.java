package org.goldbuying.centre.price;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.goldbuying.contracts.PriceTick;

@ApplicationScoped
public class PublishedTickRepository implements PanacheRepositoryBase<PublishedTick, Long> {

    public Uni<PublishedTick> latest() {
        return find("order by sequence desc").firstResult();
    }

    public Uni<PublishedTick> latestActive() {
        return find("status = ?1 order by sequence desc", PriceTick.Status.ACTIVE)
                .firstResult();
    }

    /** The oldest ticks Kafka has not acknowledged yet, in sequence order. */
    public Uni<List<PublishedTick>> unsent(int limit) {
        return find("sentAt is null", Sort.by("sequence"))
                .page(Page.ofSize(limit))
                .list();
    }

    public Uni<Integer> markSent(List<Long> sequences, Instant sentAt) {
        return update("sentAt = ?1, lastSendError = null where sequence in ?2", sentAt, sequences);
    }

    public Uni<Integer> recordFailure(long sequence, String error) {
        return update("sendAttempts = sendAttempts + 1, lastSendError = ?1 where sequence = ?2", error, sequence);
    }

    public Uni<Long> unsentCount() {
        return count("sentAt is null");
    }
}
