package org.goldbuying.station.seller;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/sellers")
@RolesAllowed(Roles.CLERK)
public class SellerResource {
    private final SellerService sellers;

    public SellerResource(SellerService sellers) {
        this.sellers = sellers;
    }

    @POST
    @Operation(summary = "Register a seller (individual, cooperative, licensed trader or processing plant)")
    public Uni<Response> register(@Valid @NotNull SellerRequests.NewSeller request) {
        return sellers.register(request).map(seller -> Response.created(URI.create("/api/sellers/" + seller.id))
                .entity(SellerView.of(seller)).build());
    }

    @GET
    @Operation(summary = "Look a seller up by national ID or licence number")
    public Uni<SellerView> lookUp(@QueryParam("nationalId") String nationalId,
            @QueryParam("licenceNumber") String licenceNumber) {
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
        return sellers.addSite(id, site).map(SellerView::of);
    }

    @POST
    @Path("{id}/block")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Block a seller, with the reason (no purchase until unblocked)")
    public Uni<SellerView> block(@PathParam("id") UUID id, @Valid @NotNull SellerRequests.Block block) {
        return sellers.block(id, block.reason()).map(SellerView::of);
    }

    @POST
    @Path("{id}/unblock")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Unblock a seller")
    public Uni<SellerView> unblock(@PathParam("id") UUID id) {
        return sellers.unblock(id).map(SellerView::of);
    }
}
