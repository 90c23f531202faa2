package org.goldbuying.station.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Which approvals a lot needs before payment ({@link ApprovalRules}), and the supervisor who gave them. */
@Embeddable
public class Approval {
    /** A lot that needs no approval. */
    static final Approval NONE = new Approval(EnumSet.noneOf(ApprovalReason.class), null, null);

    @Convert(converter = ApprovalReasonsConverter.class)
    @Column(name = "approval_reasons")
    private EnumSet<ApprovalReason> reasons;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    protected Approval() {}

    private Approval(EnumSet<ApprovalReason> reasons, String approvedBy, Instant approvedAt) {
        this.reasons = reasons;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
    }

    /** Needs these approvals, and has none yet. */
    static Approval required(Set<ApprovalReason> reasons) {
        return new Approval(
                reasons.isEmpty() ? EnumSet.noneOf(ApprovalReason.class) : EnumSet.copyOf(reasons), null, null);
    }

    Approval givenBy(String supervisor, Instant at) {
        return new Approval(reasons, supervisor, at);
    }

    public Set<ApprovalReason> reasons() {
        return reasons == null ? Set.of() : Collections.unmodifiableSet(reasons);
    }

    public boolean needed() {
        return reasons != null && !reasons.isEmpty();
    }

    public boolean needs(ApprovalReason reason) {
        return reasons != null && reasons.contains(reason);
    }

    /** True when the lot needs no approval or a supervisor has given it. */
    public boolean satisfied() {
        return !needed() || approvedBy != null;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    /** The reasons as a clerk reads them: "LARGE_VALUE, AML_LINKED". */
    public String describe() {
        return String.join(", ", reasons().stream().map(Enum::name).toList());
    }
}
