package org.goldbuying.station.seller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.goldbuying.contracts.PurchaseEvent;

/** Request bodies of the seller API, validated before anything is touched. */
public final class SellerRequests {
    private SellerRequests() {}

    public record NewSeller(
            @NotNull PurchaseEvent.SellerType type,
            @NotBlank @Size(max = 120) String name,

            @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]*", message = "letters, digits and '-' only")
            String nationalId,

            @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9/-]*", message = "letters, digits, '/' and '-' only")
            String licenceNumber,

            LocalDate licenceExpiry,

            @Size(max = 20) @Pattern(regexp = "\\+?[0-9]{6,15}", message = "a phone number: digits, optional leading +")
            String mobileMoneyNumber,

            @Valid NewSite site) {}

    public record NewSite(
            @NotBlank @Size(max = 120) String name,
            @NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
            @Size(max = 120) String licenceArea) {}

    /** Why a supervisor blocks or unblocks a seller: required either way, and kept. */
    public record StandingChange(@NotBlank @Size(max = 300) String reason) {}
}
