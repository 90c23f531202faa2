package org.goldbuying.station.payment;

import io.smallrye.mutiny.Uni;

/**
 * The seam to a mobile-money operator. Implementations must be idempotent on the key: while a transfer under a key
 * is PENDING or CONFIRMED, asking again returns that transfer and moves no money; only after it FAILED may a new
 * transfer start under the same key. The station asks again with the same key to learn the outcome, so a retry,
 * a double tap or a restart never pays a seller twice.
 */
public interface MobileMoneyGateway {

    Uni<Transfer> payout(Payout payout);

    /**
     * The latest transfer under a key, as the operator sees it now: how the station learns whether a PENDING
     * transfer confirmed or failed without ever starting another.
     */
    Uni<Transfer> status(String idempotencyKey);

    /** A request to send money to a wallet. */
    record Payout(String idempotencyKey, String msisdn, long amountMinor, String currency) {}

    enum State {
        PENDING,
        CONFIRMED,
        FAILED
    }

    /** The operator's answer: its reference for the transfer, the state, and the reason when it failed. */
    record Transfer(String reference, State state, String failureReason) {}
}
