package org.goldbuying.station.lot;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** Request bodies of the lot API, validated before anything is touched. */
public final class LotRequests {
    private LotRequests() {
    }

    /** Weigh the lot on the counter's balance and quote it at the assayed fineness. */
    public record NewLot(
            @NotNull UUID sellerId,
            @NotNull UUID mineSiteId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal finenessPerMille) {
    }

    /** Weigh the lot and wait for the XRF analyser's shots; the quote comes when the assay is complete. */
    public record NewXrfLot(@NotNull UUID sellerId, @NotNull UUID mineSiteId) {
    }

    /** A density test: the lot's apparent weight fully immersed, and the water's temperature (10..30 °C). */
    public record Density(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") BigDecimal gramsInWater,
            @NotNull @DecimalMin("10") @DecimalMax("30") BigDecimal waterCelsius) {
    }

    public enum PaymentMethod { CASH, MOBILE_MONEY, BANK_TRANSFER }

    public record Payment(@NotNull PaymentMethod method) {
    }
}
