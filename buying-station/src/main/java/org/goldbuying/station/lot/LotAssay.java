package org.goldbuying.station.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.Instant;
import org.goldbuying.contracts.PurchaseEvent.AssayMethod;

/**
 * The lot's assay: the fineness (typed, or averaged from XRF shots) and, on the XRF path, the mean composition, what
 * the clerk must do next, the fraud flags and who released them. JSON texts are written by the assay feature.
 */
@Embeddable
public class LotAssay {
    @Column(name = "fineness_per_mille")
    private BigDecimal finenessPerMille;

    @Enumerated(EnumType.STRING)
    @Column(name = "assay_method")
    private AssayMethod method;
    /** Mean composition of the shots that priced the lot: JSON, element symbol to percent (strings). */
    @Column(name = "xrf_composition")
    private String composition;
    /** What the clerk must do next about the assay (re-shoot, call the supervisor), or why it cannot be quoted. */
    @Column(name = "assay_note")
    private String note;
    /** Fraud flags of the assay: JSON list of {kind, reason}; null when none. */
    @Column(name = "assay_flags")
    private String flags;

    @Column(name = "assay_released_by")
    private String releasedBy;

    @Column(name = "assay_released_at")
    private Instant releasedAt;
    /** Whether shots that did not arrive on the analyser's serial line count in the fineness (they need approval). */
    @Column(name = "assay_off_line")
    private boolean offLine;

    protected LotAssay() {}

    private LotAssay(
            BigDecimal finenessPerMille,
            AssayMethod method,
            String composition,
            String note,
            String flags,
            String releasedBy,
            Instant releasedAt,
            boolean offLine) {
        this.finenessPerMille = finenessPerMille;
        this.method = method;
        this.composition = composition;
        this.note = note;
        this.flags = flags;
        this.releasedBy = releasedBy;
        this.releasedAt = releasedAt;
        this.offLine = offLine;
    }

    static LotAssay typed(BigDecimal finenessPerMille) {
        return new LotAssay(finenessPerMille, AssayMethod.MANUAL, null, null, null, null, null, false);
    }

    static LotAssay awaitingShots(String note) {
        return new LotAssay(null, AssayMethod.XRF, null, note, null, null, null, false);
    }

    LotAssay withNote(String newNote) {
        return new LotAssay(finenessPerMille, method, composition, newNote, flags, releasedBy, releasedAt, offLine);
    }

    LotAssay measured(BigDecimal fineness, String newComposition, AssayMethod newMethod, boolean newOffLine) {
        return new LotAssay(fineness, newMethod, newComposition, note, flags, releasedBy, releasedAt, newOffLine);
    }

    LotAssay flagged(String newFlags, String newNote) {
        return new LotAssay(finenessPerMille, method, composition, newNote, newFlags, releasedBy, releasedAt, offLine);
    }

    LotAssay releasedBy(String supervisor, Instant at) {
        return new LotAssay(finenessPerMille, method, composition, note, flags, supervisor, at, offLine);
    }

    public BigDecimal finenessPerMille() {
        return finenessPerMille;
    }

    public AssayMethod method() {
        return method;
    }

    public boolean offLine() {
        return offLine;
    }

    public String composition() {
        return composition;
    }

    public String note() {
        return note;
    }

    public String flags() {
        return flags;
    }

    public String releasedBy() {
        return releasedBy;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    /** Held for a supervisor: the assay raised fraud flags nobody has released yet. */
    public boolean held() {
        return flags != null && releasedBy == null;
    }
}
