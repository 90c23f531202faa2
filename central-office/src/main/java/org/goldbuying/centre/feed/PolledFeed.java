package org.goldbuying.centre.feed;

import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A feed read over the network on its own schedule. The price publisher never waits for the network: it takes the
 * outcome of the last poll. A failed poll clears the price (a feed that sends garbage is not trusted for its earlier
 * values either) and keeps the reason for the suspended tick and the operators.
 */
public abstract class PolledFeed implements GoldFeed {
    private static final Logger LOG = Logger.getLogger(PolledFeed.class);

    /** One poll's outcome, replaced as a whole so that readers never see a price with another poll's problem. */
    private record State(Optional<FeedQuote> quote, Optional<String> problem) {}

    private final String name;
    private final Duration pollInterval;
    private volatile State state;

    protected PolledFeed(String name, Duration pollInterval) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.state = new State(Optional.empty(), Optional.of("The feed " + name + " has not been read yet."));
    }

    /** Reads the feed once; blocking, so call it from a worker thread. */
    protected abstract FeedQuote read();

    public final void poll() {
        try {
            FeedQuote quote = read();
            state = new State(Optional.of(quote), Optional.empty());
        } catch (FeedException e) {
            fail(e.getMessage());
        } catch (RuntimeException e) {
            // a bug or an unexpected answer must not leave the last good price standing
            LOG.error("Unexpected failure reading the gold feed " + name, e);
            fail("The feed " + name + " could not be read: " + e);
        }
    }

    private void fail(String reason) {
        if (state.problem().filter(reason::equals).isEmpty()) {
            LOG.warnf("Gold feed %s has no usable price: %s", name, reason);
        }
        state = new State(Optional.empty(), Optional.of(reason));
    }

    @Override
    public Optional<FeedQuote> latest() {
        return state.quote();
    }

    @Override
    public Optional<String> problem() {
        return state.problem();
    }

    public Duration pollInterval() {
        return pollInterval;
    }
}
