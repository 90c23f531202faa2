package org.goldbuying.station.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import org.goldbuying.scale.balance.TransactionReading;

/**
 * How a lot's gross weight was established: a legal-for-trade reading of the registered balance (reading id and raw
 * frame), or, when that balance cannot be used, a weight typed by hand with the reason, which makes the lot need a
 * supervisor's approval and is flagged on the receipt and in the purchase event. Never changes once the lot exists.
 */
@Embeddable
public class LotWeighing {
    /** The device id recorded for a typed weight: no registered device stands behind it. */
    public static final String TYPED_DEVICE = "typed-override";

    /** The balance's legal-for-trade reading; null when the weight was typed by hand. */
    @Column(name = "reading_id")
    private Long readingId;

    @Column(name = "device_id")
    private String deviceId;

    @Column(name = "weighed_at")
    private Instant weighedAt;

    @Column(name = "gross_grams")
    private BigDecimal grossGrams;

    @Column(name = "raw_frame")
    private String rawFrame;
    /** Why the weight was typed by hand instead of read from the balance. */
    @Column(name = "weight_override_reason")
    private String overrideReason;

    protected LotWeighing() {}

    private LotWeighing(
            Long readingId,
            String deviceId,
            Instant weighedAt,
            BigDecimal grossGrams,
            String rawFrame,
            String overrideReason) {
        this.readingId = readingId;
        this.deviceId = deviceId;
        this.weighedAt = weighedAt;
        this.grossGrams = grossGrams;
        this.rawFrame = rawFrame;
        this.overrideReason = overrideReason;
    }

    public static LotWeighing of(TransactionReading reading) {
        return new LotWeighing(
                reading.readingId(),
                reading.deviceId(),
                reading.readAt(),
                reading.grossGrams(),
                reading.rawFrame(),
                null);
    }

    public static LotWeighing typed(BigDecimal grossGrams, String reason, Instant at) {
        return new LotWeighing(null, TYPED_DEVICE, at, grossGrams, null, reason.strip());
    }

    public Long readingId() {
        return readingId;
    }

    public String deviceId() {
        return deviceId;
    }

    public Instant weighedAt() {
        return weighedAt;
    }

    public BigDecimal grossGrams() {
        return grossGrams;
    }

    public String rawFrame() {
        return rawFrame;
    }

    public String overrideReason() {
        return overrideReason;
    }

    public boolean typed() {
        return overrideReason != null;
    }
}
