package org.goldbuying.station.lot;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

import io.smallrye.mutiny.Uni;

@Path("/api/lots")
@RolesAllowed(Roles.CLERK)
public class LotResource {
    private final LotService lots;
    private final SecurityIdentity identity;

    public LotResource(LotService lots, SecurityIdentity identity) {
        this.lots = lots;
        this.identity = identity;
    }

    private String who() {
        return identity.getPrincipal().getName();
    }

    @POST
    @Operation(summary = "Weigh the lot on the counter balance and quote it against the official price held here")
    public Uni<Response> weighAndQuote(@Valid @NotNull LotRequests.NewLot request) {
        return lots.weighAndQuote(request, who()).map(lot -> Response.created(URI.create("/api/lots/" + lot.id))
                .entity(LotView.of(lot)).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A lot with its weighing, assay, quote and payment")
    public Uni<LotView> get(@PathParam("id") UUID id) {
        return lots.find(id).map(LotView::of);
    }

    @POST
    @Path("{id}/payment")
    @Operation(summary = "Pay a quoted lot; the purchase is stored with its outbox event in one transaction")
    public Uni<LotView> pay(@PathParam("id") UUID id, @Valid @NotNull LotRequests.Payment payment) {
        return lots.pay(id, payment, who()).map(LotView::of);
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "A supervisor approves a lot that needs it (never the clerk who quoted it)")
    public Uni<LotView> approve(@PathParam("id") UUID id) {
        return lots.approve(id, who()).map(LotView::of);
    }
}
