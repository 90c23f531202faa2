package org.goldbuying.centre.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.goldbuying.centre.common.FourEyesRecord;

/** One version of the official FX rate and pricing policy: written once; only its decision is filled in later. */
@Entity
@Table(name = "pricing_policy")
public class PricingPolicy extends FourEyesRecord {
    public static final String FROM_CONFIGURATION = "CONFIGURATION";
    public static final String FROM_PROPOSAL = "PROPOSAL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String origin;

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
    public long maxTickAgeSeconds;

    @Column(name = "quote_lock_seconds")
    public long quoteLockSeconds;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    public String reason;

    @Column(name = "effective_at")
    public Instant effectiveAt;

    public PolicyTerms terms() {
        return new PolicyTerms(
                fxLocalPerUsd,
                discountPercent,
                royaltyPercent,
                feesPercent,
                advancePercent,
                maxTickAgeSeconds,
                quoteLockSeconds);
    }

    /** Only for an approved version. */
    public PolicyVersion version() {
        return new PolicyVersion(id, terms(), effectiveAt);
    }
}
