package org.goldbuying.centre.dashboard;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.goldbuying.centre.price.PriceTickPublished;

/**
 * What the treasury dashboard is told, the moment it happens: a purchase ingested, a tick published, a price or
 * policy proposal made or decided. Pages refetch their figures on each event, so the dashboard moves within seconds
 * without polling.
 */
@ApplicationScoped
public class DashboardEvents {
    /** One change: what happened, at which stations (sorted), when. */
    public record Change(String kind, List<String> stationIds, Instant at) {}

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();

    /**
     * New purchases reached the reserve from these stations. Ingest calls this once per batch, so a page is told
     * once however many purchases the batch held; nothing is sent when no station got a new purchase.
     */
    public void purchasesIngested(Collection<String> stationIds) {
        if (!stationIds.isEmpty()) {
            changes.onNext(
                    new Change("PURCHASE_INGESTED", stationIds.stream().sorted().toList(), Instant.now()));
        }
    }

    /** A policy or price proposal was made or decided: pages refetch the "Price and policy" section. */
    public void pricingChanged() {
        changes.onNext(new Change("PRICING_CHANGED", List.of(), Instant.now()));
    }

    /** Integrity incidents were found at these stations, or one was decided: pages refetch the incidents. */
    public void integrityChanged(Collection<String> stationIds) {
        changes.onNext(
                new Change("INTEGRITY_CHANGED", stationIds.stream().sorted().toList(), Instant.now()));
    }

    void tickPublished(@Observes PriceTickPublished published) {
        changes.onNext(new Change("PRICE_PUBLISHED", List.of(), Instant.now()));
    }

    /** The changes from now on, with a keep-alive every 15 s so proxies do not close a quiet stream. */
    public Multi<Change> stream() {
        Multi<Change> keepAlive = Multi.createFrom()
                .ticks()
                .every(Duration.ofSeconds(15))
                .map(tick -> new Change("KEEP_ALIVE", List.of(), Instant.now()));
        return Multi.createBy().merging().streams(changes, keepAlive);
    }
}
