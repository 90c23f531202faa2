package org.goldbuying.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Java binding of docs/contracts/seller-registration.v1.schema.json: read the schema for the meaning of each field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SellerRegistration(
        String contract,
        UUID eventId,
        String stationId,
        UUID stationSellerId,
        int version,
        PurchaseEvent.SellerType sellerType,
        String name,
        String nationalId,
        String licenceNumber,
        LocalDate licenceExpiry,
        String mobileMoneyNumber,
        List<Site> sites,
        Instant registeredAt,
        String registeredBy,
        Instant changedAt,
        String stationKeyId,
        String signature) {

    public static final String CONTRACT = "seller-registration/1";

    /** A declared mine site; coordinates in decimal degrees, as strings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Site(
            UUID siteId,
            String name,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal latitude,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal longitude,
            String licenceArea) {}
}
