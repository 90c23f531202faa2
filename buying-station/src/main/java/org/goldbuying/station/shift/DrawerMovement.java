package org.goldbuying.station.shift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One movement of cash into (+) or out of (-) a drawer. Never updated or deleted: the balance is their sum. */
@Entity
@Table(name = "drawer_movement")
public class DrawerMovement {
    public static final String FLOAT = "FLOAT";
    public static final String CASH_PAYMENT = "CASH_PAYMENT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "shift_id")
    public UUID shiftId;

    public String kind;

    @Column(name = "amount_minor")
    public long amountMinor;

    @Column(name = "lot_id")
    public UUID lotId;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    static DrawerMovement of(UUID shiftId, String kind, long amountMinor, UUID lotId, String by, Instant at) {
        DrawerMovement movement = new DrawerMovement();
        movement.shiftId = shiftId;
        movement.kind = kind;
        movement.amountMinor = amountMinor;
        movement.lotId = lotId;
        movement.recordedBy = by;
        movement.recordedAt = at;
        return movement;
    }
}
