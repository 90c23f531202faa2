package org.goldbuying.station.lot;

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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.security.Roles;

@Path("/api/lots")
@RolesAllowed(Roles.CLERK)
public class LotResource {
    private final LotIntake intake;
    private final LotQuoting quoting;
    private final LotApprovals approvals;
    private final LotVoiding voiding;
    private final LotViews views;
    private final SecurityIdentity identity;

    public LotResource(
            LotIntake intake,
            LotQuoting quoting,
            LotApprovals approvals,
            LotVoiding voiding,
            LotViews views,
            SecurityIdentity identity) {
        this.intake = intake;
        this.quoting = quoting;
        this.approvals = approvals;
        this.voiding = voiding;
        this.views = views;
        this.identity = identity;
    }

    private String who() {
        return identity.getPrincipal().getName();
    }

    @POST
    @Operation(summary = "Weigh the lot and quote it at a fineness typed by hand (assay MANUAL: needs a supervisor)")
    public Uni<Response> weighAndQuote(@Valid @NotNull LotRequests.NewLot request) {
        return intake.weighAndQuote(request, who())
                .map(lot -> Response.created(URI.create("/api/lots/" + lot.id()))
                        .entity(LotView.of(lot))
                        .build());
    }

    @POST
    @Path("xrf")
    @Operation(summary = "Weigh the lot and open it ASSAYING: the quote comes the moment enough XRF shots agree")
    public Uni<Response> weighForXrf(@Valid @NotNull LotRequests.NewXrfLot request) {
        return intake.weighForXrf(request, who())
                .map(lot -> views.announceOpened("ASSAYING", lot))
                .map(view -> Response.created(URI.create("/api/lots/" + view.id()))
                        .entity(view)
                        .build());
    }

    @POST
    @Path("{id}/requote")
    @Operation(summary = "Quote a QUOTED lot again against the official price held now (same weighing and assay)")
    public Uni<LotView> requote(@PathParam("id") UUID id) {
        return views.changeAndAnnounce("REQUOTED", () -> quoting.requote(id));
    }

    @GET
    @Path("purchase/{sequence}")
    @Operation(summary = "The paid lot with this purchase number (the station sequence printed on its receipt)")
    public Uni<LotView> purchase(@PathParam("sequence") long sequence) {
        return views.purchase(sequence);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A lot with its weighing, assay (XRF shots, flags, density), quote and payment")
    public Uni<LotView> get(@PathParam("id") UUID id) {
        return views.view(id);
    }

    @POST
    @Path("{id}/void")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(
            summary = "A supervisor voids a QUOTED lot with a reason; nothing is deleted (a PAID lot cannot be "
                    + "voided at the station)")
    public Uni<LotView> voidLot(@PathParam("id") UUID id, @Valid @NotNull LotRequests.VoidRequest request) {
        return views.changeAndAnnounce(
                "VOID", () -> voiding.voidLot(id, request.reason().strip(), who()));
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(
            summary = "A supervisor approves a lot that needs it, or releases an assay held for fraud flags "
                    + "(never the clerk who weighed it)")
    public Uni<LotView> approve(@PathParam("id") UUID id) {
        return views.changeAndAnnounce("APPROVED", () -> approvals.approve(id, who()));
    }
}
