package org.goldbuying.station.lot;

import java.math.BigDecimal;
import java.time.Instant;

import org.goldbuying.scale.balance.TransactionReading;

/**
 * How a lot's gross weight was established: a legal-for-trade reading of the registered balance (reading id and raw
 * frame), or, when that balance cannot be used, a weight typed by hand with the reason, which makes the lot need a
 * supervisor's approval and is flagged on the receipt and in the purchase event.
 */
public record LotWeighing(Long readingId, String deviceId, Instant weighedAt, BigDecimal grossGrams, String rawFrame,
        String overrideReason) {

    /** The device id recorded for a typed weight: no registered device stands behind it. */
    public static final String TYPED_DEVICE = "typed-override";

    public static LotWeighing of(TransactionReading reading) {
        return new LotWeighing(reading.readingId(), reading.deviceId(), reading.readAt(), reading.grossGrams(),
                reading.rawFrame(), null);
    }

    public static LotWeighing typed(BigDecimal grossGrams, String reason, Instant at) {
        return new LotWeighing(null, TYPED_DEVICE, at, grossGrams, null, reason.strip());
    }
}
