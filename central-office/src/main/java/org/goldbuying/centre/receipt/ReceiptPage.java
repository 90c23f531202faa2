package org.goldbuying.centre.receipt;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The page a receipt's QR code opens: {@code /verify?lot=<purchase id>&code=<code>} (the station's
 * {@code station.receipt.verify-url}). Served at exactly that path, without a redirect, so the QR codes already
 * printed keep working; the page calls {@code POST /api/receipts/verify}.
 */
@Path("/verify")
public class ReceiptPage {
    private final String html;

    public ReceiptPage() {
        try (InputStream in = ReceiptPage.class.getResourceAsStream("/receipt-page/verify.html")) {
            if (in == null) {
                throw new IllegalStateException("receipt-page/verify.html is missing from the build");
            }
            this.html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "The public receipt check page (what a receipt's QR code opens)")
    public String page() {
        return html;
    }
}
