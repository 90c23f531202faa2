package org.goldbuying.centre.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * A simulated spot feed: a bounded random walk around a base price, advanced lazily by elapsed time.
 * {@link FeedQuote#simulated()} is true so that every screen and tick says the price is simulated.
 * Not itself a {@link GoldFeed} bean: {@link ActiveGoldFeed} decides which feed the publisher sees.
 */
@ApplicationScoped
@Typed(SimulatedGoldFeed.class)
public class SimulatedGoldFeed implements GoldFeed {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final FeedConfig.Simulated config;
    private final Clock clock;
    private final Random random = new Random(2650);
    private BigDecimal current;
    private Instant lastStep;
    private BigDecimal override;

    public SimulatedGoldFeed(FeedConfig config, Clock clock) {
        this.config = config.simulated();
        this.clock = clock;
        this.current = this.config.baseUsdPerTroyOunce();
        this.lastStep = clock.instant();
    }

    @Override
    public synchronized Optional<FeedQuote> latest() {
        Instant now = clock.instant();
        long steps = Math.min(
                100,
                (now.toEpochMilli() - lastStep.toEpochMilli())
                        / Math.max(1, config.stepInterval().toMillis()));
        for (long i = 0; i < steps; i++) {
            // step in basis points of the max step: integer maths, no floating point on a price
            long basisPoints = random.nextInt(2001) - 1000;
            BigDecimal stepPercent = config.maxStepPercent()
                    .multiply(BigDecimal.valueOf(basisPoints))
                    .divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_EVEN);
            current = current.add(current.multiply(stepPercent).divide(HUNDRED, 2, RoundingMode.HALF_EVEN));
        }
        if (steps > 0) {
            lastStep = now;
        }
        BigDecimal value = override != null ? override : current;
        return Optional.of(new FeedQuote(value.setScale(2, RoundingMode.HALF_EVEN), now, "simulated-spot", true));
    }

    /** Forces the next value (for demonstrating the guard: a jump, a zero, a negative). */
    public synchronized void force(BigDecimal value) {
        override = value;
    }

    public synchronized void release() {
        override = null;
    }
}
