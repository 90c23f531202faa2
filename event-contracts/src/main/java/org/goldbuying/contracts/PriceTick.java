package org.goldbuying.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/** Java binding of docs/contracts/price-tick.v1.schema.json: read the schema for the meaning of each field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceTick(
        String contract,
        long sequence,
        Status status,
        String suspendedReason,
        Instant publishedAt,
        Instant validFrom,
        Instant validUntil,
        Source source,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spotUsdPerTroyOunce,
        String currency,
        Integer currencyExponent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxLocalPerUsd,
        Policy policy) {

    public static final String CONTRACT = "price-tick/1";

    public enum Status {
        ACTIVE,
        SUSPENDED
    }

    public record Source(String name, boolean simulated) {}

    public record Policy(
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discountPercent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal royaltyPercent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal feesPercent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal advancePercent,
            long maxTickAgeSeconds,
            long quoteLockSeconds) {}

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
