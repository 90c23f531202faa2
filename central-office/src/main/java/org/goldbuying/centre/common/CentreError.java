package org.goldbuying.centre.common;

/** What went wrong, as a stable code for the API and the HTTP status that goes with it. */
public enum CentreError {
    BAD_REQUEST(400),
    NOT_FOUND(404),
    NO_PRICE(404);

    private final int httpStatus;

    CentreError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
