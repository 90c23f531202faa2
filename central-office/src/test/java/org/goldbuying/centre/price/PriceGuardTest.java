package org.goldbuying.centre.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.goldbuying.centre.feed.FeedQuote;
import org.junit.jupiter.api.Test;

class PriceGuardTest {
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    static final Duration MAX_AGE = Duration.ofMinutes(15);
    static final BigDecimal MAX_MOVE = new BigDecimal("5");

    static PriceGuard.Decision check(String spot, Instant observed, String last) {
        return PriceGuard.check(
                Optional.of(new FeedQuote(new BigDecimal(spot), observed, "test", true)),
                Optional.ofNullable(last).map(BigDecimal::new),
                NOW,
                MAX_AGE,
                MAX_MOVE);
    }

    @Test
    void aSaneValueIsAccepted() {
        assertThat(check("2650.00", NOW, "2600.00")).isInstanceOf(PriceGuard.Accept.class);
        assertThat(check("2650.00", NOW, null)).isInstanceOf(PriceGuard.Accept.class);
    }

    @Test
    void sillyValuesAreRefusedWithAReason() {
        assertThat(check("0", NOW, "2600"))
                .isEqualTo(new PriceGuard.Refuse("The gold feed sent a price that is not positive: 0."));
        assertThat(check("-1", NOW, null)).isInstanceOf(PriceGuard.Refuse.class);
    }

    @Test
    void aJumpIsHeldForApprovalWithTheMoveAndTheValue() {
        PriceGuard.Hold held = (PriceGuard.Hold) check("3120.00", NOW, "2600.00");
        assertThat(held.movePercent()).isEqualByComparingTo("20.00");
        assertThat(held.quote().spotUsdPerTroyOunce()).isEqualByComparingTo("3120.00");
        assertThat(held.reason()).contains("moved 20.00%").contains("held for two treasury users");
        assertThat(PublicationRound.fitted(held.reason())).isEqualTo(held.reason());
        // exactly at the limit is a normal move
        assertThat(check("2730.00", NOW, "2600.00")).isInstanceOf(PriceGuard.Accept.class);
        assertThat(check("2470.00", NOW, "2600.00")).isInstanceOf(PriceGuard.Accept.class);
        assertThat(check("2469.00", NOW, "2600.00")).isInstanceOf(PriceGuard.Hold.class);
    }

    @Test
    void staleAndEmptyFeedsAreNeverHeld() {
        assertThat(check("2650.00", NOW.minus(Duration.ofMinutes(20)), "2650.00"))
                .isInstanceOf(PriceGuard.Refuse.class)
                .asString()
                .contains("20 minutes old");
        // a stale value that also moved is refused for its age: an old value is never offered for approval
        assertThat(check("3180.00", NOW.minus(Duration.ofMinutes(20)), "2650.00"))
                .isInstanceOf(PriceGuard.Refuse.class);
        assertThat(PriceGuard.check(Optional.empty(), Optional.empty(), NOW, MAX_AGE, MAX_MOVE))
                .isInstanceOf(PriceGuard.Refuse.class);
    }

    @Test
    void theFeedsOwnReasonIsPassedOn() {
        assertThat(PriceGuard.check(
                        Optional.empty(),
                        Optional.of("Feed http://x/feed answered HTTP 403."),
                        Optional.empty(),
                        NOW,
                        MAX_AGE,
                        MAX_MOVE))
                .isEqualTo(new PriceGuard.Refuse("The gold feed has no price: Feed http://x/feed answered HTTP 403."));
        // the tick contract allows 200 characters of reason
        assertThat(PublicationRound.fitted("x".repeat(300))).hasSize(200).endsWith("\u2026");
        assertThat(PublicationRound.fitted("short")).isEqualTo("short");
    }
}
