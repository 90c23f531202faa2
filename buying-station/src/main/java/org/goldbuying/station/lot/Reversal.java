package org.goldbuying.station.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.goldbuying.contracts.PurchaseReversal;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;

/** The reversal of a paid lot: who proposed it and why, and the other supervisor who approved it. */
@Entity
@Table(name = "purchase_reversal")
public class Reversal {
    @Id
    @Column(name = "lot_id")
    private UUID lotId;

    @Enumerated(EnumType.STRING)
    private PurchaseReversal.Kind kind;

    private String note;

    @Column(name = "proposed_by")
    private String proposedBy;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    protected Reversal() {}

    Reversal(UUID lotId, PurchaseReversal.Kind kind, String note, String proposedBy, Instant proposedAt) {
        this.lotId = lotId;
        this.kind = kind;
        this.note = note;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    /** Approval by a second supervisor; the caller has checked that they had no hand in the lot. */
    void approveBy(String supervisor, Instant at) {
        if (approvedBy != null) {
            throw new StationException(
                    StationError.WRONG_STATE,
                    "The reversal of lot " + lotId + " was approved by " + approvedBy + " already.");
        }
        if (supervisor.equals(proposedBy)) {
            throw new StationException(
                    StationError.SELF_APPROVAL,
                    "You proposed this reversal; another supervisor must approve it (four eyes).");
        }
        this.approvedBy = supervisor;
        this.approvedAt = at;
    }

    public UUID lotId() {
        return lotId;
    }

    public PurchaseReversal.Kind kind() {
        return kind;
    }

    public String note() {
        return note;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }
}
