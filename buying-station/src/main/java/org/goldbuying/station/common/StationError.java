package org.goldbuying.station.common;

/** What went wrong, as a stable code for the API and the HTTP status that goes with it. */
public enum StationError {
    BAD_REQUEST(400),
    NOT_FOUND(404),
    WRONG_STATE(409),
    REQUOTE_NEEDED(409),
    NO_PRICE(503),
    PRICE_SUSPENDED(503),
    PRICE_STALE(503),
    NO_BALANCE(503),
    BALANCE_REFUSED(409),
    UNKNOWN_SELLER(409),
    SELLER_BLOCKED(409),
    LICENCE_EXPIRED(409),
    UNKNOWN_MINE_SITE(409),
    CAP_EXCEEDED(409),
    DUPLICATE(409),
    APPROVAL_REQUIRED(409),
    SELF_APPROVAL(403),
    NO_OPEN_SHIFT(409),
    SHIFT_ALREADY_OPEN(409),
    DRAWER_SHORT(409),
    CURRENCY_MISMATCH(409),
    PAYMENT_PENDING(409),
    MOBILE_MONEY_FAILED(409),
    NO_MOBILE_MONEY_NUMBER(409),
    MOBILE_MONEY_UNAVAILABLE(409);

    private final int httpStatus;

    StationError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
