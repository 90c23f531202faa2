package org.goldbuying.station.lot;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.goldbuying.web.WrittenReason;

/** Request bodies of the lot API, validated before anything is touched. */
public final class LotRequests {
    private LotRequests() {}

    /**
     * Weigh the lot on the counter's balance and quote it at the assayed fineness. With {@code typedWeight} the
     * balance is not read: the weight typed by hand is used, flagged, and the lot needs a supervisor's approval.
     */
    public record NewLot(
            @NotNull UUID sellerId,
            @NotNull UUID mineSiteId,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
            BigDecimal finenessPerMille,

            @Valid TypedWeight typedWeight) {}

    /** Weigh the lot and wait for the XRF analyser's shots; the quote comes when the assay is complete. */
    public record NewXrfLot(
            @NotNull UUID sellerId,
            @NotNull UUID mineSiteId,
            @Valid TypedWeight typedWeight) {}

    /**
     * A gross weight typed by hand because the registered balance cannot be used (broken, out of verification),
     * read from another balance, with the reason for the audit trail. At most 100 kg and 0.01 g resolution: the
     * figures of a counter balance.
     */
    public record TypedWeight(
            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax("100000")
            @Digits(integer = 6, fraction = 2, message = "at most two decimals (0.01 g)")
            BigDecimal grossGrams,

            @NotBlank
            @Size(max = 500, message = "say in 10 to 500 characters why the balance was not used")
            @Pattern(
                    regexp = WrittenReason.AT_LEAST_10,
                    message = "say in 10 to 500 characters why the balance was not used")
            String reason) {}

    /** A density test: the lot's apparent weight fully immersed, and the water's temperature (10..30 °C). */
    public record Density(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000")
            BigDecimal gramsInWater,

            @NotNull @DecimalMin("10") @DecimalMax("30") BigDecimal waterCelsius) {}

    public enum PaymentMethod {
        CASH,
        MOBILE_MONEY,
        BANK_TRANSFER
    }

    /**
     * How the lot is paid. A bank transfer needs the transfer's reference (letters, digits, '/', '-', 6..35 as
     * banks print them); cash and mobile money take none (mobile money goes to the seller's registered number).
     */
    public record Payment(
            @NotNull PaymentMethod method,

            @Size(min = 6, max = 35) @Pattern(regexp = "[A-Za-z0-9/-]+", message = "letters, digits, '/' and '-' only")
            String reference) {}

    /** Why a supervisor voids a lot: required, for the audit trail. */
    public record VoidRequest(
            @NotBlank
            @Size(max = 500)
            @Pattern(regexp = WrittenReason.AT_LEAST_5, message = WrittenReason.AT_LEAST_5_RULE)
            String reason) {}
}
