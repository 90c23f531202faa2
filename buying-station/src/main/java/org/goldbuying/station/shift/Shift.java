package org.goldbuying.station.shift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One clerk's shift: the float counted in, and at the end the count against the station's own figures. */
@Entity
@Table(name = "shift")
public class Shift {
    @Id
    public UUID id;

    public String clerk;

    @Enumerated(EnumType.STRING)
    public ShiftStatus status;

    public String currency;

    @Column(name = "float_minor")
    public long floatMinor;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "counted_at")
    public Instant countedAt;

    @Column(name = "counted_cash_minor")
    public Long countedCashMinor;

    @Column(name = "counted_gold_grams")
    public BigDecimal countedGoldGrams;

    @Column(name = "expected_cash_minor")
    public Long expectedCashMinor;

    @Column(name = "expected_gold_grams")
    public BigDecimal expectedGoldGrams;

    @Column(name = "cash_difference_minor")
    public Long cashDifferenceMinor;

    @Column(name = "gold_difference_grams")
    public BigDecimal goldDifferenceGrams;

    @Column(name = "signed_off_by")
    public String signedOffBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public int version;

    static Shift open(UUID id, String clerk, String currency, long floatMinor, Instant now) {
        Shift shift = new Shift();
        shift.id = id;
        shift.clerk = clerk;
        shift.status = ShiftStatus.OPEN;
        shift.currency = currency;
        shift.floatMinor = floatMinor;
        shift.openedAt = now;
        return shift;
    }

    /**
     * Records the clerk's count beside the station's figures. Differences are counted minus expected: negative is a
     * shortage. Cash is in integer minor units and gold in grams as weighed, so no rounding happens here.
     */
    void count(ShiftCount count, Instant now) {
        status = ShiftStatus.COUNTED;
        countedAt = now;
        countedCashMinor = count.countedCashMinor();
        countedGoldGrams = count.countedGoldGrams();
        expectedCashMinor = count.expectedCashMinor();
        expectedGoldGrams = count.expectedGoldGrams();
        cashDifferenceMinor = count.cashDifferenceMinor();
        goldDifferenceGrams = count.goldDifferenceGrams();
    }
}
