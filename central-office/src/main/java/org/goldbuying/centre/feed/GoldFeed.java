package org.goldbuying.centre.feed;

import java.util.Optional;

/** A source of spot gold prices in USD per troy ounce. Empty when the feed has nothing (yet, or any more). */
public interface GoldFeed {
    Optional<FeedQuote> latest();

    /** Why {@link #latest()} is empty (unreachable, malformed answer, ...), in words a treasury user can act on. */
    default Optional<String> problem() {
        return Optional.empty();
    }
}
