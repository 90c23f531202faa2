package org.goldbuying.station.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.goldbuying.station.pricing.PriceTerms;
import org.goldbuying.station.pricing.Quote;
import org.goldbuying.station.pricing.QuoteCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The quote computation alone ({@link QuoteCalculator#quote}: fine grams, rates, gross value, deductions, net,
 * advance and retention, all in BigDecimal with the documented rounding), for a currency without minor units
 * (UGX) and one with cents (GHS), with the figures of QuoteCalculatorTest. Goal (issue 4, item 11): median at most
 * 2 us, p99 at most 10 us; SampleTime gives the percentiles, AverageTime the mean with its error.
 *
 * <p>Inputs are non-final state fields so the JIT cannot fold the computation; each method returns the quote so
 * JMH consumes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QuoteBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-22T09:15:00Z");

    BigDecimal grossGrams = new BigDecimal("12.34");
    BigDecimal finenessPerMille = new BigDecimal("915.0");
    PriceTerms shillings = terms("UGX", 0, "3700.00", "5", "4", "0");
    PriceTerms cedis = terms("GHS", 2, "15.50", "2.5", "3", "0.5");
    Instant now = NOW;

    private static PriceTerms terms(
            String currency, int exponent, String fx, String discount, String royalty, String fees) {
        return new PriceTerms(
                7,
                NOW.minusSeconds(60),
                NOW.plusSeconds(3600),
                new BigDecimal("2650.00"),
                currency,
                exponent,
                new BigDecimal(fx),
                new BigDecimal(discount),
                new BigDecimal(royalty),
                new BigDecimal(fees),
                new BigDecimal("99"),
                Duration.ofHours(24),
                Duration.ofMinutes(2));
    }

    @Benchmark
    public Quote quoteShillings() {
        return QuoteCalculator.quote(grossGrams, finenessPerMille, shillings, now);
    }

    @Benchmark
    public Quote quoteCedis() {
        return QuoteCalculator.quote(grossGrams, finenessPerMille, cedis, now);
    }
}
