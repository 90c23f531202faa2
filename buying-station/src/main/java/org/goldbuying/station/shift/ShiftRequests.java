package org.goldbuying.station.shift;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** Request bodies of the shift API. Money in integer minor units of the drawer's currency. */
public final class ShiftRequests {
    /** No drawer holds more than this; a larger figure is a typing error (10^15 minor units). */
    static final long MAX_MINOR = 1_000_000_000_000_000L;

    private ShiftRequests() {}

    /** The float the clerk counted into the drawer, and the drawer's currency (ISO 4217). */
    public record OpenShift(
            @NotNull @PositiveOrZero @Max(MAX_MINOR) Long floatMinor,

            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as UGX")
            String currency) {}

    /** What the clerk counted at the end of the shift: cash in the drawer, gross grams of gold in the tray. */
    public record Count(
            @NotNull @PositiveOrZero @Max(MAX_MINOR) Long countedCashMinor,

            @NotNull @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 4)
            BigDecimal countedGoldGrams) {}
}
