package org.goldbuying.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** Java binding of docs/contracts/purchase-reversal.v1.schema.json: read the schema for the meaning of each field. */
public record PurchaseReversal(
        String contract,
        UUID eventId,
        UUID purchaseId,
        String stationId,
        long stationSequence,
        Instant reversedAt,
        Kind kind,
        String note,
        String proposedBy,
        String approvedBy,
        String stationKeyId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String signature) {

    public static final String CONTRACT = "purchase-reversal/1";

    /** Why a paid purchase is undone. */
    public enum Kind {
        COUNTERFEIT,
        PAYMENT_FAILED,
        OTHER
    }
}
