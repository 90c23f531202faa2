package org.goldbuying.centre.common;

/** What went wrong, as a stable code for the API and the HTTP status that goes with it. */
public enum CentreError {
    BAD_REQUEST(400),
    NOT_FOUND(404),
    NO_PRICE(404),
    /** Four eyes: the person who proposed a change cannot also approve it. */
    SELF_APPROVAL(403),
    /** Only the person who proposed something may withdraw it. */
    NOT_THE_PROPOSER(403),
    /** The proposal was approved, rejected or superseded already; a decision is never changed. */
    ALREADY_DECIDED(409),
    /** The decision names a proposal that was withdrawn or replaced since the person read it: read it again. */
    PROPOSAL_CHANGED(409),
    /** A held feed value grew older than the feed's maximum age while it waited: too old to publish. */
    STALE_PRICE(409);

    private final int httpStatus;

    CentreError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
