package org.goldbuying.centre.display;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Optional;
import org.goldbuying.centre.feed.FeedConfig;
import org.goldbuying.centre.price.PriceTickPublished;
import org.goldbuying.centre.price.PublishedTick;
import org.goldbuying.centre.price.PublishedTickRepository;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PriceTick;

/**
 * Keeps the latest official tick in memory and pushes the display view to every open screen: at once when a tick
 * is published, and on a short interval so that a price that ages out turns STALE on screen without a new tick.
 * The view is computed once per push, not once per screen.
 */
@ApplicationScoped
public class DisplayBoard {
    private final PublishedTickRepository ticks;
    private final PriceBoard board;
    private final boolean feedSimulated;
    private final Clock clock;
    private final BroadcastProcessor<DisplayPrice> updates = BroadcastProcessor.create();
    /** Null until the database was read or a tick was published; then the latest tick, if any. */
    private volatile Optional<PriceTick> latest;

    public DisplayBoard(PublishedTickRepository ticks, DisplayConfig config, FeedConfig feed, Clock clock) {
        this.ticks = ticks;
        this.board = PriceBoard.of(config);
        this.feedSimulated = feed.active() == FeedConfig.Kind.SIMULATED;
        this.clock = clock;
    }

    void published(@Observes PriceTickPublished event) {
        keep(Optional.of(event.tick()));
    }

    /** Re-reads the database (a restart, another publisher) and pushes the view, which may have gone STALE. */
    @Scheduled(
            every = "${centre.display.refresh-interval:PT15S}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return load().replaceWithVoid();
    }

    /** What a display shows now. */
    public Uni<DisplayPrice> current() {
        Optional<PriceTick> known = latest;
        return known != null ? Uni.createFrom().item(view(known)) : load();
    }

    /** The current view, then every update; a slow screen skips to the newest view instead of queueing old ones. */
    public Multi<DisplayPrice> stream() {
        return Multi.createBy()
                .concatenating()
                .streams(current().toMulti(), updates.onOverflow().dropPreviousItems());
    }

    private Uni<DisplayPrice> load() {
        return Panache.withSession(ticks::latest)
                .map(stored -> keep(Optional.ofNullable(stored).map(DisplayBoard::tick)));
    }

    private static PriceTick tick(PublishedTick stored) {
        return Contract.PRICE_TICK.read(stored.payload);
    }

    /** Keeps the newer of the known and the given tick, and pushes the view. */
    private synchronized DisplayPrice keep(Optional<PriceTick> candidate) {
        Optional<PriceTick> known = latest;
        if (known == null) {
            latest = candidate;
        } else if (candidate.isPresent()
                && (known.isEmpty() || candidate.get().sequence() >= known.get().sequence())) {
            latest = candidate;
        }
        DisplayPrice view = view(latest);
        updates.onNext(view);
        return view;
    }

    private DisplayPrice view(Optional<PriceTick> tick) {
        return board.view(tick, clock.instant(), feedSimulated);
    }
}
