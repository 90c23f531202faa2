package org.goldbuying.centre.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.goldbuying.centre.feed.FeedQuote;
import org.goldbuying.centre.price.PublicationRound.Decision;
import org.goldbuying.centre.price.PublicationRound.FeedReading;
import org.goldbuying.centre.price.PublicationRound.HeldJump;
import org.goldbuying.centre.price.PublicationRound.KeepManual;
import org.goldbuying.centre.price.PublicationRound.LastTick;
import org.goldbuying.centre.price.PublicationRound.Limits;
import org.goldbuying.centre.price.PublicationRound.PublishFeed;
import org.goldbuying.centre.price.PublicationRound.RepublishManual;
import org.goldbuying.centre.price.PublicationRound.StaySuspended;
import org.goldbuying.centre.price.PublicationRound.Suspend;
import org.goldbuying.contracts.PriceTick;
import org.junit.jupiter.api.Test;

/** Every branch of one publication round, with no framework: the decision PricePublisher carries out. */
class PublicationRoundTest {
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    static final Limits LIMITS = new Limits(Duration.ofMinutes(15), new BigDecimal("5"));
    static final long POLICY = 3;
    static final String NO_PRICE = "The gold feed has no price: connection refused";

    static FeedReading feed(String spot) {
        return FeedReading.of(new FeedQuote(new BigDecimal(spot), NOW.minusSeconds(30), "lbma", false));
    }

    static Optional<LastTick> active(long sequence, String source, String spot, Instant validUntil, long policy) {
        return Optional.of(new LastTick(
                sequence, PriceTick.Status.ACTIVE, null, source, new BigDecimal(spot), validUntil, policy));
    }

    static Optional<LastTick> suspended(long sequence, String reason) {
        return Optional.of(new LastTick(
                sequence,
                PriceTick.Status.SUSPENDED,
                reason,
                "price-guard",
                null,
                NOW.plus(Duration.ofHours(24)),
                null));
    }

    static Optional<LastTick> feedTick(String spot) {
        return active(7, "lbma", spot, NOW.plus(Duration.ofHours(20)), POLICY);
    }

    static Optional<LastTick> manualTick(String spot, long policy) {
        return active(7, PriceProposal.MANUAL_SOURCE, spot, NOW.plus(Duration.ofHours(20)), policy);
    }

    static Decision decide(FeedReading feed, Optional<LastTick> last, String lastActiveSpot) {
        return PublicationRound.decide(
                feed, last, Optional.ofNullable(lastActiveSpot).map(BigDecimal::new), POLICY, NOW, LIMITS);
    }

    @Test
    void theFirstAcceptableValueIsPublished() {
        Decision decision = decide(feed("2650.00"), Optional.empty(), null);
        assertThat(decision).isInstanceOf(PublishFeed.class);
        assertThat(((PublishFeed) decision).quote().spotUsdPerTroyOunce()).isEqualByComparingTo("2650.00");
        assertThat(decision.held()).isEmpty();
        assertThat(PublicationRound.nextSequence(Optional.empty())).isEqualTo(1);
    }

    @Test
    void aValueWithinTheLimitIsPublishedEvenOverAManualPrice() {
        assertThat(decide(feed("2700.00"), feedTick("2650.000000"), "2650.000000"))
                .isInstanceOf(PublishFeed.class);
        assertThat(decide(feed("2700.00"), manualTick("2650.000000", POLICY), "2650.000000"))
                .isInstanceOf(PublishFeed.class);
        assertThat(PublicationRound.nextSequence(feedTick("2650"))).isEqualTo(8);
    }

    @Test
    void noFeedValueSuspendsWithTheFeedsReason() {
        Decision decision = decide(FeedReading.none("connection refused"), feedTick("2650"), "2650");
        assertThat(decision).isEqualTo(new Suspend(NO_PRICE, Optional.empty()));
        assertThat(decide(new FeedReading(Optional.empty(), Optional.empty()), Optional.empty(), null))
                .isEqualTo(new Suspend("The gold feed has no price.", Optional.empty()));
    }

    @Test
    void theFeedsProblemIsIgnoredWhenItHasAValue() {
        FeedQuote quote = new FeedQuote(new BigDecimal("2650.00"), NOW, "lbma", false);
        assertThat(decide(new FeedReading(Optional.of(quote), Optional.of("stale cache")), Optional.empty(), null))
                .isEqualTo(new PublishFeed(quote));
    }

    @Test
    void aStaleOrSillyValueSuspends() {
        FeedReading stale =
                FeedReading.of(new FeedQuote(new BigDecimal("2650.00"), NOW.minus(Duration.ofHours(1)), "lbma", false));
        assertThat(((Suspend) decide(stale, feedTick("2650"), "2650")).reason()).contains("60 minutes old");
        assertThat(((Suspend) decide(feed("0"), feedTick("2650"), "2650")).reason())
                .contains("not positive");
    }

    @Test
    void theSameRefusalAgainPublishesNothingNew() {
        assertThat(decide(FeedReading.none("connection refused"), suspended(8, NO_PRICE), "2650"))
                .isEqualTo(new StaySuspended(Optional.empty()));
        // another reason is another tick
        assertThat(decide(FeedReading.none("timed out"), suspended(8, NO_PRICE), "2650"))
                .isInstanceOf(Suspend.class);
    }

    @Test
    void aJumpIsHeldAgainstTheTidiedReferenceAndSuspends() {
        Decision decision = decide(feed("3180.00"), feedTick("2650.000000"), "2650.000000");
        assertThat(decision).isInstanceOf(Suspend.class);
        assertThat(((Suspend) decision).reason()).contains("moved 20.00%");
        HeldJump jump = decision.held().orElseThrow();
        assertThat(jump.reference().toPlainString()).isEqualTo("2650.00");
        assertThat(jump.hold().quote().spotUsdPerTroyOunce()).isEqualByComparingTo("3180.00");
        assertThat(jump.hold().movePercent()).isEqualByComparingTo("20.00");
    }

    @Test
    void aJumpWhileSuspendedForItIsHeldButPublishesNothingNew() {
        Decision first = decide(feed("3180.00"), feedTick("2650"), "2650");
        String reason = ((Suspend) first).reason();
        Decision again = decide(feed("3180.00"), suspended(8, reason), "2650");
        assertThat(again).isInstanceOf(StaySuspended.class);
        assertThat(again.held()).isPresent();
    }

    @Test
    void aManualPriceStandsWhileTheFeedHasNothingAcceptable() {
        assertThat(decide(FeedReading.none("down"), manualTick("2700.000000", POLICY), "2700.000000"))
                .isEqualTo(new KeepManual(Optional.empty()));
        Decision jump = decide(feed("3180.00"), manualTick("2700.000000", POLICY), "2700.000000");
        assertThat(jump).isInstanceOf(KeepManual.class);
        assertThat(jump.held().orElseThrow().reference().toPlainString()).isEqualTo("2700.00");
    }

    @Test
    void aManualPriceIsPublishedAgainUnderANewPolicy() {
        Decision decision = decide(FeedReading.none("down"), manualTick("2700.000000", POLICY - 1), "2700.000000");
        assertThat(decision).isInstanceOf(RepublishManual.class);
        assertThat(((RepublishManual) decision).spotUsdPerTroyOunce().toPlainString())
                .isEqualTo("2700.00");
        assertThat(decision.held()).isEmpty();
    }

    @Test
    void aManualPriceWhoseTickExpiredNoLongerStands() {
        Optional<LastTick> expired = active(7, PriceProposal.MANUAL_SOURCE, "2700", NOW, POLICY);
        assertThat(decide(FeedReading.none("down"), expired, "2700")).isInstanceOf(Suspend.class);
    }

    @Test
    void aLongFeedErrorIsCutToTheContractsLength() {
        Suspend suspend = (Suspend) decide(FeedReading.none("x".repeat(300)), Optional.empty(), null);
        assertThat(suspend.reason()).hasSize(200).endsWith("\u2026");
    }

    @Test
    void aPolicyChangeMattersOnlyToAnActiveTickUnderAnotherVersion() {
        assertThat(PublicationRound.policyChanged(feedTick("2650"), POLICY)).isFalse();
        assertThat(PublicationRound.policyChanged(feedTick("2650"), POLICY + 1)).isTrue();
        assertThat(PublicationRound.policyChanged(suspended(8, NO_PRICE), POLICY + 1))
                .isFalse();
        assertThat(PublicationRound.policyChanged(Optional.empty(), POLICY)).isFalse();
    }
}
