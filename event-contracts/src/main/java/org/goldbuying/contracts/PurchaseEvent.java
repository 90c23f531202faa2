package org.goldbuying.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/** Java binding of docs/contracts/purchase-event.v1.schema.json: read the schema for the meaning of each field. */
public record PurchaseEvent(
        String contract,
        UUID eventId,
        UUID purchaseId,
        String stationId,
        String region,
        long stationSequence,
        Instant paidAt,
        Seller seller,
        Weighing weighing,
        Assay assay,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fineGrams,
        Price price,
        String currency,
        int currencyExponent,
        long grossValueMinor,
        long deductionsMinor,
        long netPayableMinor,
        String verificationCode) {

    public static final String CONTRACT = "purchase-event/1";

    public enum SellerType { INDIVIDUAL, COOPERATIVE, LICENSED_TRADER, PROCESSING_PLANT }

    public enum AssayMethod { XRF, MANUAL }

    public record Seller(String id, SellerType type) {
    }

    public record Weighing(String deviceId, long readingId,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grossGrams) {
    }

    public record Assay(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal finenessPerMille, AssayMethod method) {
    }

    public record Price(long tickSequence,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spotUsdPerTroyOunce,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxLocalPerUsd) {
    }
}
