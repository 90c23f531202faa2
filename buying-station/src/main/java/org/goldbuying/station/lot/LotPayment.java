package org.goldbuying.station.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import org.goldbuying.station.lot.LotRequests.PaymentMethod;

/** How and when a lot was paid: the gap-free station sequence, the method and its reference, the receipt's code. */
@Embeddable
public class LotPayment {
    @Column(name = "station_sequence")
    private Long stationSequence;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "payment_method")
    private String method;
    /** The bank transfer's reference or the mobile-money operator's transfer reference; null for cash. */
    @Column(name = "payment_reference")
    private String reference;

    @Column(name = "verification_code")
    private String verificationCode;

    @Column(name = "paid_by")
    private String paidBy;

    protected LotPayment() {}

    public LotPayment(
            long stationSequence,
            Instant paidAt,
            PaymentMethod method,
            String reference,
            String verificationCode,
            String paidBy) {
        this.stationSequence = stationSequence;
        this.paidAt = paidAt;
        this.method = method.name();
        this.reference = reference;
        this.verificationCode = verificationCode;
        this.paidBy = paidBy;
    }

    public long stationSequence() {
        return stationSequence;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public String method() {
        return method;
    }

    public String reference() {
        return reference;
    }

    public String verificationCode() {
        return verificationCode;
    }

    public String paidBy() {
        return paidBy;
    }
}
