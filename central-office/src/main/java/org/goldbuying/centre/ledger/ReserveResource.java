package org.goldbuying.centre.ledger;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.security.Roles;

@Path("/api/reserve")
@RolesAllowed({Roles.TREASURY, Roles.AUDITOR})
public class ReserveResource {
    private final Pool database;

    public ReserveResource(Pool database) {
        this.database = database;
    }

    /** The reserve bought in one currency: every purchase counted once. Cost is what was paid, in minor units. */
    public record ReserveTotal(
            String currency,
            int currencyExponent,
            long purchases,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fineGrams,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grossGrams,
            long costMinor) {}

    /** The reserve: purchases counted (reversed ones excluded) and how many were reversed at their station. */
    public record Reserve(long purchases, List<ReserveTotal> byCurrency, long reversedPurchases) {}

    /** What the reserve counts: the purchases not reversed at their station (the view reserve_purchase). */
    static final String TOTALS = """
            SELECT currency, currency_exponent, count(*) AS purchases, sum(fine_grams) AS fine_grams,
                   sum(gross_grams) AS gross_grams, sum(net_payable_minor) AS cost_minor
            FROM reserve_purchase GROUP BY currency, currency_exponent ORDER BY currency""";

    @GET
    @Operation(summary = "Reserve accumulated from all stations: fine and gross grams and cost")
    public Uni<Reserve> total() {
        return database.query(TOTALS).execute().chain(rows -> {
            List<ReserveTotal> totals = new ArrayList<>();
            long purchases = 0;
            for (Row row : rows) {
                ReserveTotal total = new ReserveTotal(
                        row.getString("currency"),
                        row.getInteger("currency_exponent"),
                        row.getLong("purchases"),
                        row.getBigDecimal("fine_grams"),
                        row.getBigDecimal("gross_grams"),
                        row.getBigDecimal("cost_minor").longValueExact());
                totals.add(total);
                purchases += total.purchases();
            }
            long counted = purchases;
            return database.query("SELECT count(*) FROM purchase_reversal")
                    .execute()
                    .map(reversed -> new Reserve(
                            counted, totals, reversed.iterator().next().getLong(0)));
        });
    }
}
