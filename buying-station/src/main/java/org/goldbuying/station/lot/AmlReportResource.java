package org.goldbuying.station.lot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

@Path("/api/reports/aml")
@RolesAllowed(Roles.SUPERVISOR)
public class AmlReportResource {
    private final Pool database;

    public AmlReportResource(Pool database) {
        this.database = database;
    }

    /** One lot whose seller's linked transactions reached the AML threshold. */
    public record AmlEntry(UUID lotId, String sellerId, int windowDays, long linkedTotalMinor, long thresholdMinor,
            String currency, Instant recordedAt) {
    }

    @GET
    @Operation(summary = "Linked transactions over the AML threshold, newest first (supervisors)")
    public Uni<List<AmlEntry>> report() {
        return database.query("""
                SELECT lot_id, seller_id, window_days, linked_total_minor, threshold_minor, currency, recorded_at
                FROM aml_record ORDER BY recorded_at DESC LIMIT 500""").execute().map(rows -> {
            List<AmlEntry> entries = new ArrayList<>();
            for (Row row : rows) {
                entries.add(new AmlEntry(row.getUUID("lot_id"), row.getString("seller_id"), row.getInteger("window_days"),
                        row.getLong("linked_total_minor"), row.getLong("threshold_minor"), row.getString("currency"),
                        row.getOffsetDateTime("recorded_at").toInstant()));
            }
            return entries;
        });
    }
}
