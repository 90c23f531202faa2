package org.goldbuying.station.lot;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.scale.xrf.XrfShot;
import org.goldbuying.station.assay.DensityTests;
import org.goldbuying.station.assay.ShotRecorder;
import org.goldbuying.station.assay.ShotRequests;
import org.goldbuying.station.assay.XrfShotRecord;
import org.goldbuying.station.security.Roles;
import org.goldbuying.station.seller.LimitsConfig;

import io.quarkus.security.identity.SecurityIdentity;

import io.smallrye.mutiny.Uni;

@Path("/api/lots")
@RolesAllowed(Roles.CLERK)
public class LotResource {
    private final LotIntake intake;
    private final LotQuoting quoting;
    private final LotApprovals approvals;
    private final LotVoiding voiding;
    private final LotViews views;
    private final ShotRecorder shots;
    private final DensityTests densityTests;
    private final LimitsConfig limits;
    private final Clock clock;
    private final SecurityIdentity identity;

    public LotResource(LotIntake intake, LotQuoting quoting, LotApprovals approvals, LotVoiding voiding,
            LotViews views, ShotRecorder shots, DensityTests densityTests, LimitsConfig limits, Clock clock,
            SecurityIdentity identity) {
        this.intake = intake;
        this.quoting = quoting;
        this.approvals = approvals;
        this.voiding = voiding;
        this.views = views;
        this.shots = shots;
        this.densityTests = densityTests;
        this.limits = limits;
        this.clock = clock;
        this.identity = identity;
    }

    private String who() {
        return identity.getPrincipal().getName();
    }

    @POST
    @Operation(summary = "Weigh the lot and quote it at a fineness typed by hand (assay MANUAL: needs a supervisor)")
    public Uni<Response> weighAndQuote(@Valid @NotNull LotRequests.NewLot request) {
        return intake.weighAndQuote(request, who()).map(lot -> Response.created(URI.create("/api/lots/" + lot.id()))
                .entity(LotView.of(lot)).build());
    }

    @POST
    @Path("xrf")
    @Operation(summary = "Weigh the lot and open it ASSAYING: the quote comes the moment enough XRF shots agree")
    public Uni<Response> weighForXrf(@Valid @NotNull LotRequests.NewXrfLot request) {
        return intake.weighForXrf(request, who()).chain(lot -> views.announce("ASSAYING", lot))
                .map(view -> Response.created(URI.create("/api/lots/" + view.id())).entity(view).build());
    }

    @POST
    @Path("{id}/xrf-shots")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add one XRF shot as JSON: a row of an export (CSV_IMPORT) or values typed from the "
            + "analyser's screen (MANUAL_ENTRY, flagged: needs a supervisor)")
    public Uni<Response> jsonShot(@PathParam("id") UUID id, @Valid @NotNull ShotRequests.JsonShot shot) {
        return shots(id, List.of(shot.toShot(who(), clock.instant())));
    }

    @POST
    @Path("{id}/xrf-shots")
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Add XRF shots in the analyser's line format (docs/devices/xrf-line-format.md)")
    public Uni<Response> lineFormatShots(@PathParam("id") UUID id, @NotNull String text) {
        return shots(id, ShotRequests.fromLineFormat(text));
    }

    @POST
    @Path("{id}/xrf-shots")
    @Consumes("text/csv")
    @Operation(summary = "Add the XRF shots of an analyser's CSV export (GeoChem-style layout)")
    public Uni<Response> csvShots(@PathParam("id") UUID id, @NotNull String csv) {
        return shots(id, ShotRequests.fromCsv(csv, limits.timeZone()));
    }

    private Uni<Response> shots(UUID id, List<XrfShot> received) {
        return shots.addShots(id, received, XrfShotRecord.Via.API)
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @POST
    @Path("{id}/requote")
    @Operation(summary = "Quote a QUOTED lot again against the official price held now (same weighing and assay)")
    public Uni<LotView> requote(@PathParam("id") UUID id) {
        return quoting.requote(id).chain(lot -> views.announce("REQUOTED", lot));
    }

    @POST
    @Path("{id}/density")
    @Operation(summary = "Record a density test (weight in water; weight in air is the lot's gross weight) and "
            + "compare it with the XRF composition; a mismatch needs a supervisor")
    public Uni<LotView> density(@PathParam("id") UUID id, @Valid @NotNull LotRequests.Density density) {
        return densityTests.record(id, density, who());
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
    @Operation(summary = "A supervisor voids a QUOTED lot with a reason; nothing is deleted (a PAID lot cannot be "
            + "voided at the station)")
    public Uni<LotView> voidLot(@PathParam("id") UUID id, @Valid @NotNull LotRequests.VoidRequest request) {
        return voiding.voidLot(id, request.reason(), who()).chain(lot -> views.announce("VOID", lot));
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "A supervisor approves a lot that needs it, or releases an assay held for fraud flags "
            + "(never the clerk who weighed it)")
    public Uni<LotView> approve(@PathParam("id") UUID id) {
        return approvals.approve(id, who()).chain(lot -> views.announce("APPROVED", lot));
    }
}
