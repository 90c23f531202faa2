package org.goldbuying.station.shift;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A shift as the API shows it: the float, the drawer now (float less cash paid out), the gold bought, and once
 * counted, the count beside the station's figures with the differences (counted minus expected; negative = short).
 */
public record ShiftView(
        UUID id,
        String clerk,
        ShiftStatus status,
        String currency,
        long floatMinor,
        long cashPaidOutMinor,
        long drawerMinor,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal goldBoughtGrams,
        Instant openedAt,
        Count count,
        String signedOffBy,
        Instant closedAt) {

    public record Count(
            Instant countedAt,
            long countedCashMinor,
            long expectedCashMinor,
            long cashDifferenceMinor,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal countedGoldGrams,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expectedGoldGrams,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal goldDifferenceGrams) {}

    static ShiftView of(Shift shift, long drawerMinor, BigDecimal goldBoughtGrams) {
        Count count = shift.countedAt == null
                ? null
                : new Count(
                        shift.countedAt,
                        shift.countedCashMinor,
                        shift.expectedCashMinor,
                        shift.cashDifferenceMinor,
                        shift.countedGoldGrams,
                        shift.expectedGoldGrams,
                        shift.goldDifferenceGrams);
        return new ShiftView(
                shift.id,
                shift.clerk,
                shift.status,
                shift.currency,
                shift.floatMinor,
                shift.floatMinor - drawerMinor,
                drawerMinor,
                goldBoughtGrams,
                shift.openedAt,
                count,
                shift.signedOffBy,
                shift.closedAt);
    }
}
