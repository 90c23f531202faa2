package org.goldbuying.station.payment;

/**
 * A payment attempt: PENDING (mobile money in flight) -> CONFIRMED | FAILED. Cash and bank transfer confirm at once.
 */
public enum PaymentStatus {
    PENDING,
    CONFIRMED,
    FAILED
}
