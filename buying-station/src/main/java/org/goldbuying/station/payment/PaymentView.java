package org.goldbuying.station.payment;

import java.time.Instant;
import java.util.UUID;

/** A payment attempt as the API shows it; money in integer minor units of {@code currency}. */
public record PaymentView(
        UUID id,
        UUID lotId,
        int attempt,
        String method,
        PaymentStatus status,
        long amountMinor,
        String currency,
        String payee,
        String reference,
        String failureReason,
        UUID shiftId,
        String requestedBy,
        Instant requestedAt,
        Instant settledAt) {

    static PaymentView of(PaymentAttempt a) {
        return new PaymentView(
                a.id,
                a.lotId,
                a.attempt,
                a.method.name(),
                a.status,
                a.amountMinor,
                a.currency,
                a.payee,
                a.reference,
                a.failureReason,
                a.shiftId,
                a.requestedBy,
                a.requestedAt,
                a.settledAt);
    }
}
