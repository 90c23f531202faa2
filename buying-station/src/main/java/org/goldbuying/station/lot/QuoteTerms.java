package org.goldbuying.station.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import org.goldbuying.station.pricing.Quote;

/** The terms a lot was quoted at, pinned to one official tick; the weight and fineness stay on the lot. */
@Embeddable
public class QuoteTerms {
    @Column(name = "tick_sequence")
    private Long tickSequence;

    @Column(name = "fine_grams")
    private BigDecimal fineGrams;

    @Column(name = "spot_usd_per_troy_ounce")
    private BigDecimal spotUsdPerTroyOunce;

    @Column(name = "spot_usd_per_gram")
    private BigDecimal spotUsdPerGram;

    @Column(name = "fx_local_per_usd")
    private BigDecimal fxLocalPerUsd;

    @Column(name = "local_per_fine_gram")
    private BigDecimal localPerFineGram;

    @Column(name = "currency")
    private String currency;

    @Column(name = "currency_exponent")
    private Integer currencyExponent;

    @Column(name = "gross_value_minor")
    private Long grossValueMinor;

    @Column(name = "discount_minor")
    private Long discountMinor;

    @Column(name = "royalty_minor")
    private Long royaltyMinor;

    @Column(name = "fees_minor")
    private Long feesMinor;

    @Column(name = "net_payable_minor")
    private Long netPayableMinor;

    @Column(name = "advance_minor")
    private Long advanceMinor;

    @Column(name = "retention_minor")
    private Long retentionMinor;

    @Column(name = "quoted_at")
    private Instant quotedAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected QuoteTerms() {}

    static QuoteTerms of(Quote quote) {
        QuoteTerms terms = new QuoteTerms();
        terms.tickSequence = quote.tickSequence();
        terms.fineGrams = quote.fineGrams();
        terms.spotUsdPerTroyOunce = quote.spotUsdPerTroyOunce();
        terms.spotUsdPerGram = quote.spotUsdPerGram();
        terms.fxLocalPerUsd = quote.fxLocalPerUsd();
        terms.localPerFineGram = quote.localPerFineGram();
        terms.currency = quote.currency();
        terms.currencyExponent = quote.currencyExponent();
        terms.grossValueMinor = quote.grossValueMinor();
        terms.discountMinor = quote.discountMinor();
        terms.royaltyMinor = quote.royaltyMinor();
        terms.feesMinor = quote.feesMinor();
        terms.netPayableMinor = quote.netPayableMinor();
        terms.advanceMinor = quote.advanceMinor();
        terms.retentionMinor = quote.retentionMinor();
        terms.quotedAt = quote.quotedAt();
        terms.lockedUntil = quote.lockedUntil();
        return terms;
    }

    public long tickSequence() {
        return tickSequence;
    }

    public BigDecimal fineGrams() {
        return fineGrams;
    }

    public BigDecimal spotUsdPerTroyOunce() {
        return spotUsdPerTroyOunce;
    }

    public BigDecimal spotUsdPerGram() {
        return spotUsdPerGram;
    }

    public BigDecimal fxLocalPerUsd() {
        return fxLocalPerUsd;
    }

    public BigDecimal localPerFineGram() {
        return localPerFineGram;
    }

    public String currency() {
        return currency;
    }

    public int currencyExponent() {
        return currencyExponent;
    }

    public long grossValueMinor() {
        return grossValueMinor;
    }

    public long discountMinor() {
        return discountMinor;
    }

    public long royaltyMinor() {
        return royaltyMinor;
    }

    public long feesMinor() {
        return feesMinor;
    }

    public long netPayableMinor() {
        return netPayableMinor;
    }

    public long advanceMinor() {
        return advanceMinor;
    }

    public long retentionMinor() {
        return retentionMinor;
    }

    public Instant quotedAt() {
        return quotedAt;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public long deductionsMinor() {
        return discountMinor + royaltyMinor + feesMinor;
    }
}
