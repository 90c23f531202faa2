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
            SELECT p.station_id, p.region, p.station_sequence, p.paid_at, p.gross_grams, p.fineness_per_mille,
                   p.fine_grams, p.currency, p.currency_exponent, p.net_payable_minor, p.verification_code,
                   r.kind AS reversal_kind, r.reversed_at
            FROM purchase p LEFT JOIN purchase_reversal r ON r.purchase_id = p.purchase_id
            WHERE p.purchase_id = $1""";

    private final Pool database;

    public ReceiptResource(Pool database) {
        this.database = database;
    }

    public record VerifyRequest(String purchaseId, String code) {}

    /**
     * A purchase's place in its station's chain as the reserve holds it: its chain hash, the key that signed it, and
     * whether the station's next purchase (when it is in) names it. Nothing private: a phone that checked the signed
     * purchase on a receipt compares the hash it computed.
     */
    public record ChainPosition(
            UUID purchaseId,
            String stationId,
            long stationSequence,
            String chainHash,
            String stationKeyId,
            Boolean nextPurchaseNamesIt) {}

    static final String CHAIN = """
            SELECT p.station_id, p.station_sequence, p.chain_hash, p.station_key_id,
                   n.previous_hash AS next_previous_hash, n.purchase_id IS NOT NULL AS has_next
            FROM purchase p LEFT JOIN purchase n
              ON n.station_id = p.station_id AND n.station_sequence = p.station_sequence + 1
            WHERE p.purchase_id = $1""";

    @GET
    @Path("{purchaseId}/chain")
    @Operation(summary = "Where a purchase stands in its station's signed chain (for a receipt checked on a phone)")
    public Uni<Response> chain(@PathParam("purchaseId") String purchaseIdText) {
        UUID purchaseId = ReceiptVerifier.purchaseId(purchaseIdText);
        return database.preparedQuery(CHAIN).execute(Tuple.of(purchaseId)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw new CentreException(
                        CentreError.NOT_FOUND, "Purchase " + purchaseId + " is not in the national reserve (yet).");
            }
            Row row = rows.iterator().next();
            String chainHash = row.getString("chain_hash");
            Boolean named = row.getBoolean("has_next")
                    ? chainHash != null && chainHash.equals(row.getString("next_previous_hash"))
                    : null;
            return Response.ok(new ChainPosition(
                            purchaseId,
                            row.getString("station_id"),
                            row.getLong("station_sequence"),
                            chainHash,
                            row.getString("station_key_id"),
                            named))
                    .build();
        });
    }

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
                row.getString("verification_code"),
                row.getString("reversal_kind") == null
                        ? null
                        : row.getString("reversal_kind") + " at "
                                + row.getOffsetDateTime("reversed_at").toInstant());
    }
}
