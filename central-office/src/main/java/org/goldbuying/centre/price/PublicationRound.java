package org.goldbuying.centre.price;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.goldbuying.centre.feed.FeedQuote;
import org.goldbuying.contracts.PriceTick;

/**
 * What one publication round does, decided with no framework and no I/O. From the feed's reading, the last tick,
 * the policy version in force and the instant: publish the feed's value, let treasury's manual price stand (and
 * publish it again under a new policy), or suspend with a reason, once per reason. A jump the guard held is also
 * kept for two treasury users to approve, whatever else the round does. {@link PricePublisher} reads the inputs in
 * the round's transaction and carries the decision out.
 */
public final class PublicationRound {
    /** The contract allows 200 characters of reason. */
    static final int MAX_REASON = 200;

    private PublicationRound() {}

    /** The feed's answer: a quote, or else the feed's own reason for having none (which may be unknown). */
    public record FeedReading(Optional<FeedQuote> quote, Optional<String> problem) {
        public static FeedReading of(FeedQuote quote) {
            return new FeedReading(Optional.of(quote), Optional.empty());
        }

        public static FeedReading none(String problem) {
            return new FeedReading(Optional.empty(), Optional.ofNullable(problem));
        }
    }

    /** What the round needs of the last tick published. */
    public record LastTick(
            long sequence,
            PriceTick.Status status,
            String suspendedReason,
            String sourceName,
            BigDecimal spotUsdPerTroyOunce,
            Instant validUntil,
            Long policyVersion) {}

    /** The guard's limits, from configuration. */
    public record Limits(Duration maxFeedAge, BigDecimal maxMovePercent) {}

    /** A jump the guard held, with the last accepted spot it moved from. */
    public record HeldJump(PriceGuard.Hold hold, BigDecimal reference) {}

    public sealed interface Decision permits PublishFeed, RepublishManual, KeepManual, Suspend, StaySuspended {
        /** The jump to keep for approval this round, if the guard held one. */
        Optional<HeldJump> held();
    }

    /** The guard accepted the feed's value: publish it ACTIVE; values held before are superseded. */
    public record PublishFeed(FeedQuote quote) implements Decision {
        @Override
        public Optional<HeldJump> held() {
            return Optional.empty();
        }
    }

    /** The feed has nothing acceptable, treasury's manual price stands, and another policy is in force now. */
    public record RepublishManual(BigDecimal spotUsdPerTroyOunce, Optional<HeldJump> held) implements Decision {}

    /** The feed has nothing acceptable and treasury's manual price stands under the same policy: no tick. */
    public record KeepManual(Optional<HeldJump> held) implements Decision {}

    /** The feed has nothing acceptable: publish a SUSPENDED tick with the reason. */
    public record Suspend(String reason, Optional<HeldJump> held) implements Decision {}

    /** Suspended already for the same reason: no tick. */
    public record StaySuspended(Optional<HeldJump> held) implements Decision {}

    /**
     * Decides one round. {@code lastActiveSpot} is the spot of the last ACTIVE tick (the guard's reference);
     * {@code policyInForce} is the id of the policy version in force at {@code now}.
     */
    public static Decision decide(
            FeedReading feed,
            Optional<LastTick> last,
            Optional<BigDecimal> lastActiveSpot,
            long policyInForce,
            Instant now,
            Limits limits) {
        Optional<BigDecimal> reference = lastActiveSpot.map(PublicationRound::tidy);
        PriceGuard.Decision guard = PriceGuard.check(
                feed.quote(),
                feed.quote().isEmpty() ? feed.problem() : Optional.empty(),
                reference,
                now,
                limits.maxFeedAge(),
                limits.maxMovePercent());
        if (guard instanceof PriceGuard.Accept accept) {
            return new PublishFeed(accept.quote());
        }
        Optional<HeldJump> held = guard instanceof PriceGuard.Hold hold
                ? Optional.of(new HeldJump(hold, reference.orElseThrow()))
                : Optional.empty();
        if (last.isPresent() && manualInForce(last.get(), now)) {
            // treasury's typed price stands while the feed has nothing acceptable; a new policy republishes it
            return Objects.equals(last.get().policyVersion(), policyInForce)
                    ? new KeepManual(held)
                    : new RepublishManual(tidy(last.get().spotUsdPerTroyOunce()), held);
        }
        String reason =
                fitted(guard instanceof PriceGuard.Hold hold ? hold.reason() : ((PriceGuard.Refuse) guard).reason());
        if (last.isPresent()
                && last.get().status() == PriceTick.Status.SUSPENDED
                && Objects.equals(last.get().suspendedReason(), reason)) {
            return new StaySuspended(held);
        }
        return new Suspend(reason, held);
    }

    /** Whether the last tick is ACTIVE under a policy version other than the one in force (then publish at once). */
    public static boolean policyChanged(Optional<LastTick> last, long policyInForce) {
        return last.isPresent()
                && last.get().status() == PriceTick.Status.ACTIVE
                && !Objects.equals(last.get().policyVersion(), policyInForce);
    }

    /** The sequence of the next tick: one after the last, or 1 for the first. */
    public static long nextSequence(Optional<LastTick> last) {
        return last.map(tick -> tick.sequence() + 1).orElse(1L);
    }

    static boolean manualInForce(LastTick last, Instant now) {
        return last.status() == PriceTick.Status.ACTIVE
                && PriceProposal.MANUAL_SOURCE.equals(last.sourceName())
                && now.isBefore(last.validUntil());
    }

    /** A spot read back from price_tick (six decimals) as it was typed: 2650.000000 becomes 2650.00. */
    static BigDecimal tidy(BigDecimal spot) {
        BigDecimal stripped = spot.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale()));
    }

    /** The contract allows 200 characters of reason; a feed's error text (with its URL) can be longer. */
    static String fitted(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "\u2026";
    }
}
