package org.goldbuying.station.seller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.security.Roles;

@Path("/api/sellers")
@RolesAllowed(Roles.CLERK)
public class SellerResource {
    private final SellerService sellers;
    private final SecurityIdentity identity;

    public SellerResource(SellerService sellers, SecurityIdentity identity) {
        this.sellers = sellers;
        this.identity = identity;
    }

    private String who() {
        return identity.getPrincipal().getName();
    }

    @POST
    @Operation(summary = "Register a seller (individual, cooperative, licensed trader or processing plant)")
    public Uni<Response> register(@Valid @NotNull SellerRequests.NewSeller request) {
        return sellers.register(request, who())
                .map(seller -> Response.created(URI.create("/api/sellers/" + seller.id))
                        .entity(SellerView.of(seller))
                        .build());
    }

    @GET
    @Operation(summary = "Look a seller up by national ID or licence number")
    public Uni<SellerView> lookUp(
            @QueryParam("nationalId") String nationalId, @QueryParam("licenceNumber") String licenceNumber) {
        return sellers.lookUp(nationalId, licenceNumber).map(SellerView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A seller with their declared mine sites")
    public Uni<SellerView> get(@PathParam("id") UUID id) {
        return sellers.find(id).map(SellerView::of);
    }

    @POST
    @Path("{id}/sites")
    @Operation(summary = "Declare a mine site for a seller")
    public Uni<SellerView> addSite(@PathParam("id") UUID id, @Valid @NotNull SellerRequests.NewSite site) {
        return sellers.addSite(id, site, who()).map(SellerView::of);
    }

    @POST
    @Path("{id}/block")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Block an active seller, with the reason (no purchase until unblocked; kept in the history)")
    public Uni<SellerView> block(@PathParam("id") UUID id, @Valid @NotNull SellerRequests.StandingChange block) {
        return sellers.block(id, block.reason(), who()).map(SellerView::of);
    }

    @POST
    @Path("{id}/unblock")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Unblock a blocked seller, with the reason (the block stays in the history)")
    public Uni<SellerView> unblock(@PathParam("id") UUID id, @Valid @NotNull SellerRequests.StandingChange unblock) {
        return sellers.unblock(id, unblock.reason(), who()).map(SellerView::of);
    }

    /** One block or unblock: the standing it gave the seller, why, who and when. */
    public record StandingChangeView(SellerStatus status, String reason, String by, Instant at) {}

    @GET
    @Path("{id}/standing")
    @Operation(summary = "Every block and unblock of a seller, oldest first, with the reason, who and when")
    public Uni<List<StandingChangeView>> standing(@PathParam("id") UUID id) {
        return sellers.standingHistory(id)
                .map(changes -> changes.stream()
                        .map(c -> new StandingChangeView(c.status, c.reason, c.changedBy, c.changedAt))
                        .toList());
    }
}
