package org.goldbuying.centre.ledger;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * One line of the reserve ledger breakdown. Cost is what was paid (net payable); the reference is the official spot
 * at each purchase's tick converted at its FX, so the premium is what sellers got against the market.
 * {@code typedWeightPurchases} counts the purchases weighed by hand (a supervisor-approved typed weight, no balance
 * reading): a station where they recur has a balance problem, or a control problem, for the auditors to follow up.
 */
public record LedgerRow(
        String key,
        String currency,
        int currencyExponent,
        long purchases,
        long typedWeightPurchases,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fineGrams,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grossGrams,
        long costMinor,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal costUsd,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal averagePaidPerFineGram,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal referencePerFineGram,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal premiumPercent) {}
