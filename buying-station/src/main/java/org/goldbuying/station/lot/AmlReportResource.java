package org.goldbuying.station.lot;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.security.Roles;

@Path("/api/reports/aml")
@RolesAllowed(Roles.SUPERVISOR)
public class AmlReportResource {
    private final Pool database;

    public AmlReportResource(Pool database) {
        this.database = database;
    }

    /**
     * One lot whose seller's linked transactions reached the AML threshold, with what a reader needs to make sense of
     * it: the seller's name, the lot's status now, and the currency's exponent for the minor units.
     */
    public record AmlEntry(
            UUID lotId,
            String sellerId,
            String sellerName,
            String lotStatus,
            int windowDays,
            long linkedTotalMinor,
            long thresholdMinor,
            String currency,
            int currencyExponent,
            Instant recordedAt) {}

    @GET
    @Operation(summary = "Linked transactions over the AML threshold, newest first (supervisors)")
    public Uni<List<AmlEntry>> report() {
        return database.query("""
                SELECT a.lot_id, a.seller_id, s.name AS seller_name, l.status AS lot_status, a.window_days,
                       a.linked_total_minor, a.threshold_minor, a.currency, l.currency_exponent, a.recorded_at
                FROM aml_record a
                JOIN lot l ON l.id = a.lot_id
                LEFT JOIN seller s ON s.id::text = a.seller_id
                ORDER BY a.recorded_at DESC LIMIT 500""").execute().map(rows -> {
            List<AmlEntry> entries = new ArrayList<>();
            for (Row row : rows) {
                Short exponent = row.getShort("currency_exponent");
                entries.add(new AmlEntry(
                        row.getUUID("lot_id"),
                        row.getString("seller_id"),
                        row.getString("seller_name"),
                        row.getString("lot_status"),
                        row.getInteger("window_days"),
                        row.getLong("linked_total_minor"),
                        row.getLong("threshold_minor"),
                        row.getString("currency"),
                        exponent == null ? 0 : exponent,
                        row.getOffsetDateTime("recorded_at").toInstant()));
            }
            return entries;
        });
    }
}
