package org.goldbuying.centre.display;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What every public display shows, computed once per tick and pushed to all of them. Prices ({@code rows},
 * {@code spotUsdPerTroyOunce}, ...) are present only when {@code status} is ACTIVE: a suspended or stale price is
 * never sent as if it were current. {@code currentUntil} and {@code serverTime} let a screen that lost its
 * connection turn itself STALE on time, whatever its own clock says.
 */
public record DisplayPrice(
        Status status,
        String reason,
        Long sequence,
        boolean simulated,
        String source,
        Instant publishedAt,
        Instant currentUntil,
        Instant serverTime,
        String timeZone,
        String currency,
        Integer currencyExponent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spotUsdPerTroyOunce,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxLocalPerUsd,
        Deductions deductions,
        List<Unit> units,
        List<Row> rows) {

    public enum Status {
        /** A current official price: shown. */
        ACTIVE,
        /** The centre suspended the price (feed stopped, jumped, ...): no price shown. */
        SUSPENDED,
        /** The last price is older than its maximum age or past its validity: no price shown. */
        STALE,
        /** No price was ever published. */
        NO_PRICE
    }

    public record Deductions(
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discountPercent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal royaltyPercent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal feesPercent) {}

    public record Unit(
            String name,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grams) {}

    /** An amount in minor units and the same as a plain decimal text in the currency's unit. */
    public record Amount(long minor, String amount) {}

    /**
     * One purity: {@code perGram} is the net paid for one gram of it; {@code perUnit} follows {@code units}.
     * Fine gold has key "fine" and 1000 per mille.
     */
    public record Row(
            String key,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal perMille,
            String label,
            Amount perGram,
            List<Amount> perUnit) {}
}
