package org.goldbuying.station.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import org.goldbuying.pricing.PurchasePricing;
import org.goldbuying.pricing.PurchaseValue;

/**
 * Turns a weighed, assayed lot into a quote: its value under the held tick (pricing-rules' {@link PurchasePricing},
 * the same computation the centre's public display shows, rounding in docs/pricing.md), pinned to the tick and held
 * for the policy's lock window.
 */
public final class QuoteCalculator {
    private QuoteCalculator() {}

    public static Quote quote(BigDecimal grossGrams, BigDecimal finenessPerMille, PriceTerms terms, Instant now) {
        PurchaseValue v = PurchasePricing.value(grossGrams, finenessPerMille, terms.basis());
        return new Quote(
                terms.tickSequence(),
                grossGrams,
                finenessPerMille,
                v.fineGrams(),
                terms.spotUsdPerTroyOunce(),
                v.usdPerGram(),
                terms.fxLocalPerUsd(),
                v.localPerFineGram(),
                terms.currency(),
                terms.currencyExponent(),
                v.grossValueMinor(),
                v.discountMinor(),
                v.royaltyMinor(),
                v.feesMinor(),
                v.netPayableMinor(),
                v.advanceMinor(),
                v.retentionMinor(),
                now,
                now.plus(terms.quoteLock()));
    }
}
