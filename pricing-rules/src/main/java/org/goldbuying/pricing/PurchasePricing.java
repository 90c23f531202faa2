package org.goldbuying.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a lot of gold is worth under one official tick. Rounding (docs/pricing.md):
 * <ul>
 * <li>fine grams = gross grams x fineness / 1000, kept to 0.0001 g, half-even;</li>
 * <li>rates (USD per gram, local per fine gram) are kept to 10 decimals, half-even, and shown as kept;</li>
 * <li>gross value = fine grams x local per fine gram, rounded once to the currency's minor unit, half-even;</li>
 * <li>each deduction is its percentage of the gross value, rounded to the minor unit, half-even;</li>
 * <li>net = gross - deductions, exactly; advance = net x advance share rounded down, retention = the rest,
 *     so advance + retention always equals net.</li>
 * </ul>
 * The station's quote and the centre's public display both compute with this class, so the price per gram a miner
 * reads on the screen is exactly what a station pays for one gram.
 */
public final class PurchasePricing {
    /** One troy ounce in grams, exact by definition. */
    public static final BigDecimal GRAMS_PER_TROY_OUNCE = new BigDecimal("31.1034768");

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int FINE_GRAMS_SCALE = 4;
    private static final int RATE_SCALE = 10;

    private PurchasePricing() {}

    public static PurchaseValue value(BigDecimal grossGrams, BigDecimal finenessPerMille, PriceBasis basis) {
        if (grossGrams.signum() <= 0) {
            throw new IllegalArgumentException("gross grams must be positive: " + grossGrams);
        }
        if (finenessPerMille.signum() <= 0 || finenessPerMille.compareTo(THOUSAND) > 0) {
            throw new IllegalArgumentException("fineness must be in (0, 1000] per mille: " + finenessPerMille);
        }
        BigDecimal fineGrams =
                grossGrams.multiply(finenessPerMille).divide(THOUSAND, FINE_GRAMS_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal usdPerGram = usdPerGram(basis.spotUsdPerTroyOunce());
        BigDecimal localPerFineGram =
                usdPerGram.multiply(basis.fxLocalPerUsd()).setScale(RATE_SCALE, RoundingMode.HALF_EVEN);

        long grossValueMinor = fineGrams
                .multiply(localPerFineGram)
                .movePointRight(basis.currencyExponent())
                .setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
        long discountMinor = percentOf(grossValueMinor, basis.discountPercent());
        long royaltyMinor = percentOf(grossValueMinor, basis.royaltyPercent());
        long feesMinor = percentOf(grossValueMinor, basis.feesPercent());
        long netMinor = grossValueMinor - discountMinor - royaltyMinor - feesMinor;
        if (netMinor < 0) {
            throw new IllegalArgumentException("deductions exceed the gross value: check the price policy");
        }
        long advanceMinor = BigDecimal.valueOf(netMinor)
                .multiply(basis.advancePercent())
                .divide(HUNDRED, 0, RoundingMode.DOWN)
                .longValueExact();
        return new PurchaseValue(
                fineGrams,
                usdPerGram,
                localPerFineGram,
                grossValueMinor,
                discountMinor,
                royaltyMinor,
                feesMinor,
                netMinor,
                advanceMinor,
                netMinor - advanceMinor);
    }

    /** Spot per gram, kept to 10 decimals, half-even. */
    public static BigDecimal usdPerGram(BigDecimal spotUsdPerTroyOunce) {
        return spotUsdPerTroyOunce.divide(GRAMS_PER_TROY_OUNCE, RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Local currency per fine gram before deductions, kept to 10 decimals, half-even. */
    public static BigDecimal localPerFineGram(BigDecimal spotUsdPerTroyOunce, BigDecimal fxLocalPerUsd) {
        return usdPerGram(spotUsdPerTroyOunce).multiply(fxLocalPerUsd).setScale(RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static long percentOf(long minor, BigDecimal percent) {
        return BigDecimal.valueOf(minor)
                .multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
