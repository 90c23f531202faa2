package org.goldbuying.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Java binding of docs/contracts/purchase-event.v1.schema.json and its signed successor purchase-event.v2.schema.json:
 * read the schemas for the meaning of each field. The last three fields are version 2's (null in version 1, and then
 * not written).
 */
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
        String verificationCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stationKeyId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String previousPurchaseHash,
        @JsonInclude(JsonInclude.Include.NON_NULL) String signature) {

    public static final String CONTRACT = "purchase-event/1";
    public static final String SIGNED_CONTRACT = "purchase-event/2";

    /** Whether this is a signed, chained purchase (version 2). */
    public boolean signed() {
        return SIGNED_CONTRACT.equals(contract);
    }

    public enum SellerType {
        INDIVIDUAL,
        COOPERATIVE,
        LICENSED_TRADER,
        PROCESSING_PLANT
    }

    public enum AssayMethod {
        XRF,
        MANUAL
    }

    public record Seller(String id, SellerType type) {}

    /**
     * The balance's legal-for-trade reading ({@code readingId}), or a weight typed by hand when the balance could not
     * be used ({@code typedOverride}, approved by a supervisor): exactly one of the two.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Weighing(
            String deviceId,
            Long readingId,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grossGrams,
            TypedOverride typedOverride) {

        public static Weighing read(String deviceId, long readingId, BigDecimal grossGrams) {
            return new Weighing(deviceId, readingId, grossGrams, null);
        }
    }

    /** Who typed the weight, why the balance could not be used, and the supervisor who approved it. */
    public record TypedOverride(String reason, String typedBy, String approvedBy) {}

    public record Assay(
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal finenessPerMille, AssayMethod method) {}

    public record Price(
            long tickSequence,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spotUsdPerTroyOunce,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxLocalPerUsd) {}
}
