package org.goldbuying.centre.ledger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;

/** The reserve ledger: purchases summed by day, region, station or seller type over a date range. */
@ApplicationScoped
public class LedgerService {
    /*
     * Rounding, explicit as at the station: each purchase's USD cost to 4 decimals before summing (the total is shown
     * to 2, half-even, in Java); the reference per fine gram exactly as QuoteCalculator computes it (USD per gram to
     * 10 decimals, times FX, to 10 decimals), so the premium compares like with like.
     */

    /** Group keys, each a fixed SQL expression: user input never reaches the SQL text. */
    private static final Map<String, String> GROUPS = Map.of(
            "day", "to_char(paid_at AT TIME ZONE $3::text, 'YYYY-MM-DD')",
            "region", "region",
            "station", "station_id",
            "sellerType", "seller_type");

    private final Pool database;
    private final LedgerConfig config;

    public LedgerService(Pool database, LedgerConfig config) {
        this.database = database;
        this.config = config;
    }

    public Uni<List<LedgerRow>> breakdown(String by, LocalDate from, LocalDate to) {
        String key = GROUPS.get(by);
        if (key == null) {
            throw new CentreException(
                    CentreError.BAD_REQUEST,
                    "Group the ledger by one of " + String.join(", ", GROUPS.keySet()) + "; '" + by + "' is not one.");
        }
        if (to.isBefore(from)) {
            throw new CentreException(
                    CentreError.BAD_REQUEST, "The range ends (" + to + ") before it starts (" + from + ").");
        }
        String sql = """
                SELECT %s AS k, currency, currency_exponent, count(*) AS n,
                       count(*) FILTER (WHERE reading_id IS NULL) AS typed, sum(fine_grams) AS fine,
                       sum(gross_grams) AS gross, sum(net_payable_minor) AS cost_minor,
                       sum(round(net_payable_minor / power(10::numeric, currency_exponent) / fx_local_per_usd, 4))
                           AS cost_usd,
                       sum(fine_grams * round(round(spot_usd_per_troy_ounce / 31.1034768, 10) * fx_local_per_usd, 10))
                           AS reference_value
                FROM reserve_purchase
                WHERE paid_at >= $1 AND paid_at < $2 AND ($3::text IS NOT NULL)
                GROUP BY k, currency, currency_exponent ORDER BY k, currency""".formatted(key);
        Tuple range =
                Tuple.of(start(from), start(to.plusDays(1)), config.timeZone().getId());
        return database.preparedQuery(sql).execute(range).map(rows -> {
            List<LedgerRow> lines = new ArrayList<>();
            for (Row row : rows) {
                lines.add(line(row));
            }
            return lines;
        });
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(config.timeZone()).toOffsetDateTime();
    }

    private static LedgerRow line(Row row) {
        int exponent = row.getInteger("currency_exponent");
        BigDecimal fine = row.getBigDecimal("fine");
        long cost = row.getBigDecimal("cost_minor").longValueExact();
        BigDecimal paid = LedgerFigures.averagePaidPerFineGram(cost, exponent, fine);
        BigDecimal reference = LedgerFigures.referencePerFineGram(row.getBigDecimal("reference_value"), fine);
        return new LedgerRow(
                row.getString("k"),
                row.getString("currency"),
                exponent,
                row.getLong("n"),
                row.getLong("typed"),
                fine,
                row.getBigDecimal("gross"),
                cost,
                row.getBigDecimal("cost_usd").setScale(2, RoundingMode.HALF_EVEN),
                paid,
                reference,
                LedgerFigures.premiumPercent(paid, reference));
    }

    /** Every purchase in the range, as CSV lines (header first), for auditors and spreadsheets. */
    public Uni<String> csv(LocalDate from, LocalDate to) {
        return database.preparedQuery("""
                SELECT p.purchase_id, p.station_id, p.region, p.station_sequence, p.paid_at, p.seller_id,
                       p.seller_type, p.device_id, p.reading_id, p.gross_grams, p.fineness_per_mille, p.assay_method,
                       p.fine_grams, p.tick_sequence, p.spot_usd_per_troy_ounce, p.fx_local_per_usd, p.currency,
                       p.gross_value_minor, p.deductions_minor, p.net_payable_minor, p.ingested_at,
                       r.kind AS reversal_kind, r.reversed_at
                FROM purchase p LEFT JOIN purchase_reversal r ON r.purchase_id = p.purchase_id
                WHERE p.paid_at >= $1 AND p.paid_at < $2 ORDER BY p.paid_at, p.station_id, p.station_sequence""")
                .execute(Tuple.of(start(from), start(to.plusDays(1))))
                .map(rows -> {
                    StringBuilder csv = new StringBuilder("purchase_id,station_id,region,station_sequence,paid_at,"
                            + "seller_id,seller_type,device_id,reading_id,gross_grams,fineness_per_mille,assay_method,"
                            + "fine_grams,tick_sequence,spot_usd_per_troy_ounce,fx_local_per_usd,currency,"
                            + "gross_value_minor,deductions_minor,net_payable_minor,ingested_at,reversal_kind,"
                            + "reversed_at\r\n");
                    for (Row row : rows) {
                        for (int i = 0; i < row.size(); i++) {
                            if (i > 0) {
                                csv.append(',');
                            }
                            csv.append(cell(row.getValue(i)));
                        }
                        csv.append("\r\n");
                    }
                    return csv.toString();
                });
    }

    /** RFC 4180 cell: decimals as plain strings, text quoted when it holds a comma, quote or line break. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d
                ? d.toPlainString()
                : value instanceof OffsetDateTime t ? t.toInstant().toString() : String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
