package org.goldbuying.station.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.goldbuying.station.lot.LotRequests.PaymentMethod;

/** One attempt to pay a lot; kept whatever its outcome. The amount is the advance: what is paid now. */
@Entity
@Table(name = "payment_attempt")
public class PaymentAttempt {
    @Id
    public UUID id;

    @Column(name = "lot_id")
    public UUID lotId;

    public int attempt;

    @Enumerated(EnumType.STRING)
    public PaymentMethod method;

    @Enumerated(EnumType.STRING)
    public PaymentStatus status;

    @Column(name = "amount_minor")
    public long amountMinor;

    public String currency;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    public String payee;
    public String reference;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "shift_id")
    public UUID shiftId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "settled_at")
    public Instant settledAt;

    @Version
    public int version;
}
