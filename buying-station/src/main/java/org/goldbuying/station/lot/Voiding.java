package org.goldbuying.station.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Who voided a lot, when and why (a supervisor; the lot keeps every other figure). */
@Embeddable
public class Voiding {
    @Column(name = "void_reason")
    private String reason;

    @Column(name = "voided_by")
    private String by;

    @Column(name = "voided_at")
    private Instant at;

    protected Voiding() {}

    Voiding(String reason, String by, Instant at) {
        this.reason = reason;
        this.by = by;
        this.at = at;
    }

    public String reason() {
        return reason;
    }

    public String by() {
        return by;
    }

    public Instant at() {
        return at;
    }
}
