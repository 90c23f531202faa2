package org.goldbuying.station.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Tick 7 at 2,650.00 USD/ozt and 3,700 UGX per USD, valid an hour after {@code now}: the unit tests' usual terms. */
public final class SamplePriceTerms {
    private SamplePriceTerms() {}

    public static PriceTerms at(Instant now) {
        return new PriceTerms(
                7,
                now.minusSeconds(60),
                now.plusSeconds(3600),
                new BigDecimal("2650.00"),
                "UGX",
                0,
                new BigDecimal("3700.00"),
                new BigDecimal("5"),
                new BigDecimal("4"),
                new BigDecimal("0"),
                new BigDecimal("99"),
                Duration.ofHours(24),
                Duration.ofMinutes(2));
    }
}
