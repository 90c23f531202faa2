package org.goldbuying.centre.price;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.goldbuying.centre.feed.FeedQuote;

/**
 * Decides whether a feed value may become the official price. Pure function: the feed is untrusted input, and a
 * silly price must never reach a station. Stale or non-positive: refused with a reason a treasury user can read.
 * A jump beyond the limit from the last accepted value may be a real market move, so it is held: not published,
 * but kept for two treasury users to approve.
 */
public final class PriceGuard {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PriceGuard() {}

    public sealed interface Decision permits Accept, Refuse, Hold {}

    public record Accept(FeedQuote quote) implements Decision {}

    public record Refuse(String reason) implements Decision {}

    /** A plausible value that moved too far: not published, held for approval, with the move and the reason. */
    public record Hold(FeedQuote quote, BigDecimal movePercent, String reason) implements Decision {}

    public static Decision check(
            Optional<FeedQuote> feed,
            Optional<BigDecimal> lastAcceptedSpot,
            Instant now,
            Duration maxFeedAge,
            BigDecimal maxMovePercent) {
        return check(feed, Optional.empty(), lastAcceptedSpot, now, maxFeedAge, maxMovePercent);
    }

    /** As above; {@code feedProblem} is the feed's own reason for having no price, passed on to the refusal. */
    public static Decision check(
            Optional<FeedQuote> feed,
            Optional<String> feedProblem,
            Optional<BigDecimal> lastAcceptedSpot,
            Instant now,
            Duration maxFeedAge,
            BigDecimal maxMovePercent) {
        if (feed.isEmpty()) {
            return new Refuse(feedProblem
                    .map(problem -> "The gold feed has no price: " + problem)
                    .orElse("The gold feed has no price."));
        }
        FeedQuote quote = feed.get();
        if (quote.spotUsdPerTroyOunce().signum() <= 0) {
            return new Refuse("The gold feed sent a price that is not positive: " + quote.spotUsdPerTroyOunce() + ".");
        }
        Duration age = Duration.between(quote.observedAt(), now);
        if (age.compareTo(maxFeedAge) > 0) {
            return new Refuse("The gold feed's last price is " + age.toMinutes() + " minutes old (limit "
                    + maxFeedAge.toMinutes() + ").");
        }
        if (lastAcceptedSpot.isPresent()) {
            BigDecimal last = lastAcceptedSpot.get();
            BigDecimal movePercent = quote.spotUsdPerTroyOunce()
                    .subtract(last)
                    .abs()
                    .multiply(HUNDRED)
                    .divide(last, 2, RoundingMode.HALF_UP);
            if (movePercent.compareTo(maxMovePercent) > 0) {
                return new Hold(
                        quote,
                        movePercent,
                        "The gold feed moved " + movePercent.toPlainString()
                                + "% since the last accepted price (limit " + maxMovePercent.toPlainString()
                                + "%): held for two treasury users to approve on the dashboard.");
            }
        }
        return new Accept(quote);
    }
}
