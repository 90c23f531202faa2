package org.goldbuying.station.lot;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.goldbuying.contracts.PurchaseEvent;

/** Request bodies of the lot API, validated before anything is touched. */
public final class LotRequests {
    private LotRequests() {
    }

    /** Weigh the lot on the counter's balance and quote it at the assayed fineness. */
    public record NewLot(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and '-' only") String sellerId,
            @NotNull PurchaseEvent.SellerType sellerType,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal finenessPerMille) {
    }

    public enum PaymentMethod { CASH, MOBILE_MONEY, BANK_TRANSFER }

    public record Payment(@NotNull PaymentMethod method) {
    }
}
