package org.goldbuying.scale.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A weight that passed every legal-for-trade check and may be used to price a lot. Carries what the receipt
 * and the audit trail need: which device, its legal metrology, when, and the raw frame exactly as received.
 */
public record TransactionReading(
        long readingId,
        String deviceId,
        Instant readAt,
        BigDecimal grossGrams,
        RegisteredBalance balance,
        String rawFrame) {

    public TransactionReading {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(readAt, "readAt");
        Objects.requireNonNull(grossGrams, "grossGrams");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(rawFrame, "rawFrame");
    }
}
