package org.goldbuying.station.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.goldbuying.contracts.PriceTick;

/** A price tick as received from the centre and kept, so that a restart keeps the price and every quote's tick. */
@Entity
@Table(name = "price_tick")
public class StoredPriceTick {
    @Id
    public long sequence;

    public String status;

    @Column(name = "suspended_reason")
    public String suspendedReason;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "source_name")
    public String sourceName;

    public boolean simulated;

    @Column(name = "spot_usd_per_troy_ounce")
    public BigDecimal spotUsdPerTroyOunce;

    public String currency;

    @Column(name = "currency_exponent")
    public Integer currencyExponent;

    @Column(name = "fx_local_per_usd")
    public BigDecimal fxLocalPerUsd;

    @Column(name = "discount_percent")
    public BigDecimal discountPercent;

    @Column(name = "royalty_percent")
    public BigDecimal royaltyPercent;

    @Column(name = "fees_percent")
    public BigDecimal feesPercent;

    @Column(name = "advance_percent")
    public BigDecimal advancePercent;

    @Column(name = "max_tick_age_seconds")
    public Long maxTickAgeSeconds;

    @Column(name = "quote_lock_seconds")
    public Long quoteLockSeconds;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String payload;

    public static StoredPriceTick from(PriceTick tick, String payload, Instant receivedAt) {
        StoredPriceTick stored = new StoredPriceTick();
        stored.sequence = tick.sequence();
        stored.status = tick.status().name();
        stored.suspendedReason = tick.suspendedReason();
        stored.publishedAt = tick.publishedAt();
        stored.validFrom = tick.validFrom();
        stored.validUntil = tick.validUntil();
        stored.sourceName = tick.source().name();
        stored.simulated = tick.source().simulated();
        stored.spotUsdPerTroyOunce = tick.spotUsdPerTroyOunce();
        stored.currency = tick.currency();
        stored.currencyExponent = tick.currencyExponent();
        stored.fxLocalPerUsd = tick.fxLocalPerUsd();
        if (tick.policy() != null) {
            stored.discountPercent = tick.policy().discountPercent();
            stored.royaltyPercent = tick.policy().royaltyPercent();
            stored.feesPercent = tick.policy().feesPercent();
            stored.advancePercent = tick.policy().advancePercent();
            stored.maxTickAgeSeconds = tick.policy().maxTickAgeSeconds();
            stored.quoteLockSeconds = tick.policy().quoteLockSeconds();
        }
        stored.receivedAt = receivedAt;
        stored.payload = payload;
        return stored;
    }

    public HeldTick toHeldTick() {
        if (!PriceTick.Status.ACTIVE.name().equals(status)) {
            return new HeldTick(sequence, true, suspendedReason, null);
        }
        return new HeldTick(
                sequence,
                false,
                null,
                new PriceTerms(
                        sequence,
                        publishedAt,
                        validUntil,
                        spotUsdPerTroyOunce,
                        currency,
                        currencyExponent,
                        fxLocalPerUsd,
                        discountPercent,
                        royaltyPercent,
                        feesPercent,
                        advancePercent,
                        Duration.ofSeconds(maxTickAgeSeconds),
                        Duration.ofSeconds(quoteLockSeconds)));
    }
}
