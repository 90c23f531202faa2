package org.goldbuying.centre.feed;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The gold feed the price authority uses, chosen by {@code centre.feed.active}. A misconfigured feed stops the
 * service at start with the setting to fix, rather than publishing suspended ticks for a configuration mistake.
 */
@ApplicationScoped
public class ActiveGoldFeed implements GoldFeed {
    private final GoldFeed delegate;
    private final Clock clock;
    private volatile Instant nextPoll = Instant.EPOCH;

    public ActiveGoldFeed(FeedConfig config, SimulatedGoldFeed simulated, Clock clock) {
        this.delegate = select(config, () -> simulated, clock);
        this.clock = clock;
    }

    static GoldFeed select(FeedConfig config, Supplier<GoldFeed> simulated, Clock clock) {
        return switch (config.active()) {
            case SIMULATED -> simulated.get();
            case LBMA -> new LbmaFeed(config.lbma(), FeedSource.of(config.fetch()), clock);
            case HTTP_JSON -> new HttpJsonFeed(config.httpJson(), FeedSource.of(config.fetch()), clock);
        };
    }

    /** Polls a network feed when its interval has passed; on a worker thread, since reading blocks. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollWhenDue() {
        if (delegate instanceof PolledFeed polled && !clock.instant().isBefore(nextPoll)) {
            polled.poll();
            nextPoll = clock.instant().plus(polled.pollInterval());
        }
    }

    @Override
    public Optional<FeedQuote> latest() {
        return delegate.latest();
    }

    @Override
    public Optional<String> problem() {
        return delegate.problem();
    }
}
