package org.goldbuying.centre.receipt;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;

/**
 * Public receipt verification: anyone holding a receipt can ask the central bank whether it is genuine. Read-only,
 * no login. 200 VERIFIED with the recorded figures, 409 CODE_MISMATCH, 404 UNKNOWN_PURCHASE, 400 for input that
 * cannot be a purchase number or a code.
 */
@Path("/api/receipts")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptResource {
    static final String SELECT = """
            SELECT station_id, region, station_sequence, paid_at, gross_grams, fineness_per_mille, fine_grams,
                   currency, currency_exponent, net_payable_minor, verification_code
            FROM purchase WHERE purchase_id = $1""";

    private final Pool database;

    public ReceiptResource(Pool database) {
        this.database = database;
    }

    public record VerifyRequest(String purchaseId, String code) {}

    @GET
    @Path("{purchaseId}")
    @Operation(summary = "Check a receipt: its purchase number and the verification code printed on it")
    public Uni<Response> check(@PathParam("purchaseId") String purchaseId, @QueryParam("code") String code) {
        return verify(purchaseId, code);
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same check with the code in the body, so that it stays out of URLs and access logs")
    public Uni<Response> checkPosted(VerifyRequest request) {
        if (request == null) {
            throw new CentreException(
                    CentreError.BAD_REQUEST,
                    "Send {\"purchaseId\": \"...\", \"code\": \"...\"} as printed on the receipt.");
        }
        return verify(request.purchaseId(), request.code());
    }

    private Uni<Response> verify(String purchaseIdText, String codeText) {
        UUID purchaseId = ReceiptVerifier.purchaseId(purchaseIdText);
        String code = ReceiptVerifier.code(codeText);
        return database.preparedQuery(SELECT)
                .execute(Tuple.of(purchaseId))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(recorded(rows.iterator().next()))
                        : Optional.<ReceiptVerifier.Recorded>empty())
                .map(recorded -> {
                    ReceiptCheck check = ReceiptVerifier.check(purchaseId, recorded, code);
                    return Response.status(check.result().httpStatus())
                            .entity(check)
                            .build();
                });
    }

    private static ReceiptVerifier.Recorded recorded(Row row) {
        int exponent = row.getInteger("currency_exponent");
        long net = row.getLong("net_payable_minor");
        return new ReceiptVerifier.Recorded(
                new ReceiptCheck.Purchase(
                        row.getString("station_id"),
                        row.getString("region"),
                        row.getLong("station_sequence"),
                        row.getOffsetDateTime("paid_at").toInstant(),
                        row.getBigDecimal("gross_grams"),
                        row.getBigDecimal("fineness_per_mille"),
                        row.getBigDecimal("fine_grams"),
                        row.getString("currency"),
                        exponent,
                        net,
                        BigDecimal.valueOf(net, exponent).toPlainString()),
                row.getString("verification_code"));
    }
}
