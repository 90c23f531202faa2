package org.goldbuying.centre.receipt;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The answer to "is this receipt genuine?". The purchase's figures are given only when the code matched, so holding
 * a purchase id alone reveals nothing about the sale.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptCheck(Result result, String message, UUID purchaseId, Purchase purchase) {

    public enum Result {
        /** The purchase reached the central bank and the code matches it. */
        VERIFIED(200),
        /** The code matches, but the purchase was reversed at its station (counterfeit, failed payment). */
        REVERSED(200),
        /** The purchase is known but the code is not the one printed on its receipt. */
        CODE_MISMATCH(409),
        /** No purchase with this id has reached the central bank (yet). */
        UNKNOWN_PURCHASE(404);

        private final int httpStatus;

        Result(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    /** What the receipt must show, as recorded by the centre; money in minor units and as a decimal text. */
    public record Purchase(
            String stationId,
            String region,
            long stationSequence,
            Instant paidAt,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grossGrams,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal finenessPerMille,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fineGrams,
            String currency,
            int currencyExponent,
            long netPayableMinor,
            String netPayable) {}
}
