package org.goldbuying.station.payment;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.lot.LotRequests;
import org.goldbuying.station.lot.LotStatus;
import org.goldbuying.station.security.Roles;
import org.goldbuying.web.ErrorBody;

@Path("/api/lots/{id}/payment")
@RolesAllowed(Roles.CLERK)
public class PaymentResource {
    private final PaymentService payments;
    private final SecurityIdentity identity;

    public PaymentResource(PaymentService payments, SecurityIdentity identity) {
        this.payments = payments;
        this.identity = identity;
    }

    /**
     * 200 with the lot when it is PAID (its purchase event stored with it); 202 with the attempt while a mobile-money
     * transfer is pending (send the same request again to check); 409 MOBILE_MONEY_FAILED with the operator's reason
     * when it failed (the failed attempt is kept; pay again by any method).
     */
    @POST
    @Operation(
            summary = "Pay a quoted lot's advance: CASH from your open shift's drawer, BANK_TRANSFER with its "
                    + "reference, or MOBILE_MONEY to the seller's registered number (PENDING until the operator "
                    + "confirms; "
                    + "repeat the request to check, it never pays twice)")
    public Uni<Response> pay(@PathParam("id") UUID id, @Valid @NotNull LotRequests.Payment payment) {
        return payments.pay(id, payment, identity.getPrincipal().getName()).map(outcome -> {
            if (outcome.lot().status() == LotStatus.PAID) {
                return Response.ok(outcome.paidView()).build();
            }
            PaymentAttempt attempt = outcome.attempt();
            if (attempt.status == PaymentStatus.FAILED) {
                return ErrorBody.response(
                        409,
                        StationError.MOBILE_MONEY_FAILED.name(),
                        "The mobile money transfer failed: " + attempt.failureReason
                                + ". Try again, or pay by cash or bank transfer.");
            }
            return Response.accepted(PaymentView.of(attempt)).build();
        });
    }

    @GET
    @Path("attempts")
    @Operation(summary = "Every payment attempt of a lot, failed ones included, oldest first")
    public Uni<List<PaymentView>> attempts(@PathParam("id") UUID id) {
        return payments.attemptsOf(id);
    }
}
