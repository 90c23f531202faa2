package org.goldbuying.centre.common;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The four-eyes columns shared by everything one person proposes and another decides (policy versions, prices):
 * who proposed when, the status, and who decided when and why. Written once each; nothing else changes later.
 */
@MappedSuperclass
public abstract class FourEyesRecord {
    public static final String PROPOSED = "PROPOSED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    public String status;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_comment")
    public String decisionComment;

    /**
     * {@code record} if it can still be decided ({@code open}): 404 when there is none, 409 when it was decided
     * already (a decision is never changed). {@code what} names it in the sentence, e.g. "policy proposal 7".
     */
    public static <T extends FourEyesRecord> T stillOpen(T record, boolean open, String what) {
        if (record == null) {
            throw new CentreException(CentreError.NOT_FOUND, "There is no " + what + ".");
        }
        if (!open) {
            throw new CentreException(
                    CentreError.ALREADY_DECIDED,
                    Character.toUpperCase(what.charAt(0))
                            + what.substring(1) + " was already " + record.status.toLowerCase() + " by "
                            + record.decidedBy
                            + " at " + record.decidedAt + "; nothing changed.");
        }
        return record;
    }

    /** Records the decision; the caller checks first that the proposal was still open and the decider may decide. */
    public void decide(String status, String user, Instant at, String comment) {
        this.status = status;
        this.decidedBy = user;
        this.decidedAt = at;
        this.decisionComment = comment;
    }
}
