package org.goldbuying.station.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Turns a weighed, assayed lot into a quote. Rounding (documented in docs/pricing.md):
 * <ul>
 * <li>fine grams = gross grams x fineness / 1000, kept to 0.0001 g, half-even;</li>
 * <li>rates (USD per gram, local per fine gram) are kept to 10 decimals, half-even, and shown as kept;</li>
 * <li>gross value = fine grams x local per fine gram, rounded once to the currency's minor unit, half-even;</li>
 * <li>each deduction is its percentage of the gross value, rounded to the minor unit, half-even;</li>
 * <li>net = gross - deductions, exactly; advance = net x advance share rounded down, retention = the rest,
 *     so advance + retention always equals net.</li>
 * </ul>
 */
public final class QuoteCalculator {
    /** One troy ounce in grams, exact by definition. */
    public static final BigDecimal GRAMS_PER_TROY_OUNCE = new BigDecimal("31.1034768");

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int FINE_GRAMS_SCALE = 4;
    private static final int RATE_SCALE = 10;

    private QuoteCalculator() {
    }

    public static Quote quote(BigDecimal grossGrams, BigDecimal finenessPerMille, PriceTerms terms, Instant now) {
        if (grossGrams.signum() <= 0) {
            throw new IllegalArgumentException("gross grams must be positive: " + grossGrams);
        }
        if (finenessPerMille.signum() <= 0 || finenessPerMille.compareTo(THOUSAND) > 0) {
            throw new IllegalArgumentException("fineness must be in (0, 1000] per mille: " + finenessPerMille);
        }
        BigDecimal fineGrams = grossGrams.multiply(finenessPerMille)
                .divide(THOUSAND, FINE_GRAMS_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal usdPerGram = terms.spotUsdPerTroyOunce()
                .divide(GRAMS_PER_TROY_OUNCE, RATE_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal localPerFineGram = usdPerGram.multiply(terms.fxLocalPerUsd())
                .setScale(RATE_SCALE, RoundingMode.HALF_EVEN);

        long grossValueMinor = toMinor(fineGrams.multiply(localPerFineGram), terms.currencyExponent());
        long discountMinor = percentOf(grossValueMinor, terms.discountPercent());
        long royaltyMinor = percentOf(grossValueMinor, terms.royaltyPercent());
        long feesMinor = percentOf(grossValueMinor, terms.feesPercent());
        long netMinor = grossValueMinor - discountMinor - royaltyMinor - feesMinor;
        if (netMinor < 0) {
            throw new IllegalArgumentException("deductions exceed the gross value: check the price policy");
        }
        long advanceMinor = BigDecimal.valueOf(netMinor).multiply(terms.advancePercent())
                .divide(HUNDRED, 0, RoundingMode.DOWN).longValueExact();
        long retentionMinor = netMinor - advanceMinor;

        return new Quote(terms.tickSequence(), grossGrams, finenessPerMille, fineGrams,
                terms.spotUsdPerTroyOunce(), usdPerGram, terms.fxLocalPerUsd(), localPerFineGram,
                terms.currency(), terms.currencyExponent(), grossValueMinor, discountMinor, royaltyMinor, feesMinor,
                netMinor, advanceMinor, retentionMinor, now, now.plus(terms.quoteLock()));
    }

    private static long toMinor(BigDecimal amount, int exponent) {
        return amount.movePointRight(exponent).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static long percentOf(long minor, BigDecimal percent) {
        return BigDecimal.valueOf(minor).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
