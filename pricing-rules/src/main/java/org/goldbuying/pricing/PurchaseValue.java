package org.goldbuying.pricing;

import java.math.BigDecimal;

/**
 * Every figure of a purchase's value: fine grams, the rates as kept, and the money terms in integer minor units of
 * the local currency. {@code advanceMinor + retentionMinor == netPayableMinor} and {@code netPayableMinor ==
 * grossValueMinor - discountMinor - royaltyMinor - feesMinor}, always.
 */
public record PurchaseValue(
        BigDecimal fineGrams,
        BigDecimal usdPerGram,
        BigDecimal localPerFineGram,
        long grossValueMinor,
        long discountMinor,
        long royaltyMinor,
        long feesMinor,
        long netPayableMinor,
        long advanceMinor,
        long retentionMinor) {}
