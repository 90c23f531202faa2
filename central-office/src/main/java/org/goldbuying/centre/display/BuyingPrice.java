package org.goldbuying.centre.display;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a seller is paid for a given mass of gold at a given purity under one official tick, in integer minor units.
 * Plain Java, BigDecimal throughout, every rounding explicit and the same as the station's quote
 * (docs/pricing.md): the display's "per gram of 916" is exactly what a station pays for 1.0000 g at 916.0, so
 * every number on the screen can be checked against a receipt.
 */
public final class BuyingPrice {
    /** One troy ounce in grams, exact by definition. */
    public static final BigDecimal GRAMS_PER_TROY_OUNCE = new BigDecimal("31.1034768");

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int FINE_GRAMS_SCALE = 4;
    private static final int RATE_SCALE = 10;

    private BuyingPrice() {
    }

    /** The price terms of an ACTIVE tick that the buying price depends on. */
    public record Terms(BigDecimal spotUsdPerTroyOunce, BigDecimal fxLocalPerUsd, int currencyExponent,
            BigDecimal discountPercent, BigDecimal royaltyPercent, BigDecimal feesPercent) {
    }

    /** Local currency per fine gram before deductions, kept to 10 decimals as in the quote. */
    public static BigDecimal localPerFineGram(Terms terms) {
        return terms.spotUsdPerTroyOunce().divide(GRAMS_PER_TROY_OUNCE, RATE_SCALE, RoundingMode.HALF_EVEN)
                .multiply(terms.fxLocalPerUsd()).setScale(RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Net payable, in minor units, for {@code grams} of gold at {@code perMille} fineness. */
    public static long netPayableMinor(BigDecimal grams, BigDecimal perMille, Terms terms) {
        if (grams.signum() <= 0) {
            throw new IllegalArgumentException("grams must be positive: " + grams);
        }
        if (perMille.signum() <= 0 || perMille.compareTo(THOUSAND) > 0) {
            throw new IllegalArgumentException("fineness must be in (0, 1000] per mille: " + perMille);
        }
        BigDecimal fineGrams = grams.multiply(perMille).divide(THOUSAND, FINE_GRAMS_SCALE, RoundingMode.HALF_EVEN);
        long gross = fineGrams.multiply(localPerFineGram(terms)).movePointRight(terms.currencyExponent())
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        long net = gross - percentOf(gross, terms.discountPercent()) - percentOf(gross, terms.royaltyPercent())
                - percentOf(gross, terms.feesPercent());
        if (net < 0) {
            throw new IllegalArgumentException("deductions exceed the gross value: check the price policy");
        }
        return net;
    }

    private static long percentOf(long minor, BigDecimal percent) {
        return BigDecimal.valueOf(minor).multiply(percent).divide(HUNDRED, 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Minor units as a plain decimal text with the currency's decimals, e.g. 286866 / 2 -> "2868.66". */
    public static String decimal(long minor, int exponent) {
        return BigDecimal.valueOf(minor, exponent).toPlainString();
    }
}
