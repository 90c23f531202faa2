package org.goldbuying.centre.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;
import org.goldbuying.centre.security.Roles;

@Path("/api/ledger")
@RolesAllowed({Roles.TREASURY, Roles.AUDITOR})
public class LedgerResource {
    private final LedgerService ledger;

    public LedgerResource(LedgerService ledger) {
        this.ledger = ledger;
    }

    @GET
    @Operation(
            summary = "Reserve bought, by day, region, station or seller type: fine and gross grams, cost in "
                    + "local currency and USD, average paid per fine gram against the reference")
    public Uni<List<LedgerRow>> breakdown(
            @QueryParam("by") @DefaultValue("day") String by,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return ledger.breakdown(
                by, date(from, "from", LocalDate.of(2000, 1, 1)), date(to, "to", LocalDate.of(2999, 12, 31)));
    }

    @GET
    @Path("purchases.csv")
    @Produces("text/csv")
    @Operation(summary = "Every purchase in the range as CSV, one line per purchase")
    public Uni<Response> csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = date(from, "from", LocalDate.of(2000, 1, 1));
        LocalDate end = date(to, "to", LocalDate.of(2999, 12, 31));
        return ledger.csv(start, end)
                .map(csv -> Response.ok(csv, "text/csv; charset=UTF-8")
                        .header(
                                "Content-Disposition",
                                "attachment; filename=\"reserve-ledger-" + start + "-" + end + ".csv\"")
                        .build());
    }

    private static LocalDate date(String value, String name, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CentreException(
                    CentreError.BAD_REQUEST, "'" + name + "' must be a date like 2026-11-22, not '" + value + "'.");
        }
    }
}
