package org.goldbuying.station.receipt;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.security.Roles;

@Path("/api/lots/{id}")
@RolesAllowed(Roles.CLERK)
public class ReceiptResource {
    private final ReceiptService receipts;
    private final Template html;
    private final Template text;

    public ReceiptResource(
            ReceiptService receipts, @Location("receipt.html") Template html, @Location("receipt.txt") Template text) {
        this.receipts = receipts;
        this.html = html;
        this.text = text;
    }

    @GET
    @Path("receipt")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The printable receipt of a paid lot (HTML, with QR code)")
    public Uni<String> receipt(@PathParam("id") UUID id) {
        return receipts.receipt(id).chain(r -> html.data("r", r).createUni());
    }

    @GET
    @Path("receipt.txt")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The receipt as 42-column text for an ESC/POS thermal printer")
    public Uni<String> receiptText(@PathParam("id") UUID id) {
        return receipts.receipt(id).chain(r -> text.data("r", r).createUni());
    }
}
