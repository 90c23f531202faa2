package org.goldbuying.centre.display;

import java.math.BigDecimal;
import org.goldbuying.pricing.PriceBasis;
import org.goldbuying.pricing.PurchasePricing;

/**
 * What the public display shows for a mass of gold at a purity under one official tick: exactly the net payable a
 * station's quote gives for such a lot, because both compute with pricing-rules' {@link PurchasePricing}. Every
 * number on the screen can be checked against a receipt.
 */
public final class BuyingPrice {
    private static final BigDecimal ALL_PAID_NOW = BigDecimal.valueOf(100);

    private BuyingPrice() {}

    /** The terms of an ACTIVE tick the buying price depends on (the advance share does not change the net). */
    public static PriceBasis terms(
            BigDecimal spotUsdPerTroyOunce,
            BigDecimal fxLocalPerUsd,
            int currencyExponent,
            BigDecimal discountPercent,
            BigDecimal royaltyPercent,
            BigDecimal feesPercent) {
        return new PriceBasis(
                spotUsdPerTroyOunce,
                fxLocalPerUsd,
                currencyExponent,
                discountPercent,
                royaltyPercent,
                feesPercent,
                ALL_PAID_NOW);
    }

    /** Local currency per fine gram before deductions, kept to 10 decimals as in the quote. */
    public static BigDecimal localPerFineGram(PriceBasis terms) {
        return PurchasePricing.localPerFineGram(terms.spotUsdPerTroyOunce(), terms.fxLocalPerUsd());
    }

    /** Net payable, in minor units, for {@code grams} of gold at {@code perMille} fineness. */
    public static long netPayableMinor(BigDecimal grams, BigDecimal perMille, PriceBasis terms) {
        return PurchasePricing.value(grams, perMille, terms).netPayableMinor();
    }

    /** Minor units as a plain decimal text with the currency's decimals, e.g. 286866 / 2 -> "2868.66". */
    public static String decimal(long minor, int exponent) {
        return BigDecimal.valueOf(minor, exponent).toPlainString();
    }
}
