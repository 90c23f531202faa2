package org.goldbuying.centre.price;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.goldbuying.contracts.PriceTick;

/** Every official tick the centre published, with the exact message sent: the audit trail of the price. */
@Entity
@Table(name = "price_tick")
public class PublishedTick {
    @Id
    public long sequence;

    @Enumerated(EnumType.STRING)
    public PriceTick.Status status;

    @Column(name = "suspended_reason")
    public String suspendedReason;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "source_name")
    public String sourceName;

    public boolean simulated;

    @Column(name = "spot_usd_per_troy_ounce")
    public BigDecimal spotUsdPerTroyOunce;

    public String currency;

    @Column(name = "fx_local_per_usd")
    public BigDecimal fxLocalPerUsd;

    public String payload;
    /** The pricing policy version an ACTIVE tick was published with (none for SUSPENDED). */
    @Column(name = "policy_version")
    public Long policyVersion;

    /** When Kafka acknowledged the tick; null while it waits in the outbox (see {@link TickRelay}). */
    @Column(name = "sent_at")
    public Instant sentAt;

    /** Rounds in which Kafka did not take the tick, and why the last did not. */
    @Column(name = "send_attempts")
    public int sendAttempts;

    @Column(name = "last_send_error")
    public String lastSendError;
}
