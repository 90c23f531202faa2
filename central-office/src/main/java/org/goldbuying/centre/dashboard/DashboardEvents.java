package org.goldbuying.centre.dashboard;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * What the treasury dashboard is told, the moment it happens: a purchase ingested (or a tick published). Pages
 * refetch their figures on each event, so the dashboard moves within seconds of ingest without polling.
 */
@ApplicationScoped
public class DashboardEvents {
    /** One change: what happened, which station, when. */
    public record Change(String kind, String stationId, Instant at) {
    }

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();

    public void purchaseIngested(String stationId) {
        changes.onNext(new Change("PURCHASE_INGESTED", stationId, Instant.now()));
    }

    /** The changes from now on, with a keep-alive every 15 s so proxies do not close a quiet stream. */
    public Multi<Change> stream() {
        Multi<Change> keepAlive = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(tick -> new Change("KEEP_ALIVE", null, Instant.now()));
        return Multi.createBy().merging().streams(changes, keepAlive);
    }
}
