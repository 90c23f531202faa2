package org.goldbuying.station.seller;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One block or unblock of a seller by a supervisor, with the reason; kept for good. */
@Entity
@Table(name = "seller_standing_change")
public class SellerStandingChange {
    @Id
    public UUID id;

    @Column(name = "seller_id")
    public UUID sellerId;

    @Enumerated(EnumType.STRING)
    public SellerStatus status;

    public String reason;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;
}
