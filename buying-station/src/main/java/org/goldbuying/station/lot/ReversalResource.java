package org.goldbuying.station.lot;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.contracts.PurchaseReversal;
import org.goldbuying.station.security.Roles;
import org.goldbuying.web.WrittenReason;

@Path("/api/lots/{id}/reversal")
@RolesAllowed(Roles.SUPERVISOR)
public class ReversalResource {
    private final LotReversals reversals;
    private final SecurityIdentity identity;

    public ReversalResource(LotReversals reversals, SecurityIdentity identity) {
        this.reversals = reversals;
        this.identity = identity;
    }

    public record ReversalRequest(
            @NotNull PurchaseReversal.Kind kind,

            @NotBlank
            @Size(max = 500)
            @Pattern(regexp = WrittenReason.AT_LEAST_10, message = WrittenReason.AT_LEAST_10_RULE)
            String note) {}

    public record ReversalView(
            UUID lotId,
            PurchaseReversal.Kind kind,
            String note,
            String proposedBy,
            Instant proposedAt,
            String approvedBy,
            Instant approvedAt,
            String status) {
        static ReversalView of(Reversal r) {
            return new ReversalView(
                    r.lotId(),
                    r.kind(),
                    r.note(),
                    r.proposedBy(),
                    r.proposedAt(),
                    r.approvedBy(),
                    r.approvedAt(),
                    r.approvedBy() == null ? "PROPOSED" : "APPROVED");
        }
    }

    @POST
    @Operation(summary = "A supervisor proposes undoing a paid purchase (counterfeit found, payment bounced)")
    public Uni<ReversalView> propose(@PathParam("id") UUID id, @Valid @NotNull ReversalRequest request) {
        return reversals
                .propose(id, request.kind(), request.note().strip(), who())
                .map(ReversalView::of);
    }

    @POST
    @Path("approve")
    @Operation(
            summary = "Another supervisor, with no hand in the lot, approves the reversal: the signed reversal is "
                    + "sent to the centre")
    public Uni<ReversalView> approve(@PathParam("id") UUID id) {
        return reversals.approve(id, who()).map(ReversalView::of);
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.SUPERVISOR})
    @Operation(summary = "The lot's reversal, if one was proposed")
    public Uni<ReversalView> get(@PathParam("id") UUID id) {
        return reversals.of(id).map(ReversalView::of);
    }

    private String who() {
        return identity.getPrincipal().getName();
    }
}
