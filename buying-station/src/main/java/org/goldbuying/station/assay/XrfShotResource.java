package org.goldbuying.station.assay;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.scale.xrf.XrfShot;
import org.goldbuying.station.security.Roles;
import org.goldbuying.station.seller.LimitsConfig;

/** XRF shots posted for a lot through the API: JSON, the analyser's line format, or a CSV export. */
@Path("/api/lots/{id}/xrf-shots")
@RolesAllowed(Roles.CLERK)
public class XrfShotResource {
    private final ShotRecorder shots;
    private final LimitsConfig limits;
    private final Clock clock;
    private final SecurityIdentity identity;

    public XrfShotResource(ShotRecorder shots, LimitsConfig limits, Clock clock, SecurityIdentity identity) {
        this.shots = shots;
        this.limits = limits;
        this.clock = clock;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add one XRF shot as JSON: a row of an export (CSV_IMPORT) or values typed from the "
                    + "analyser's screen (MANUAL_ENTRY, flagged: needs a supervisor)")
    public Uni<Response> jsonShot(@PathParam("id") UUID id, @Valid @NotNull ShotRequests.JsonShot shot) {
        return shots(id, List.of(shot.toShot(identity.getPrincipal().getName(), clock.instant())));
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Add XRF shots in the analyser's line format (docs/devices/xrf-line-format.md)")
    public Uni<Response> lineFormatShots(@PathParam("id") UUID id, @NotNull String text) {
        return shots(id, ShotRequests.fromLineFormat(text));
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Add the XRF shots of an analyser's CSV export (GeoChem-style layout)")
    public Uni<Response> csvShots(@PathParam("id") UUID id, @NotNull String csv) {
        return shots(id, ShotRequests.fromCsv(csv, limits.timeZone()));
    }

    private Uni<Response> shots(UUID id, List<XrfShot> received) {
        return shots.addShots(id, received, identity.getPrincipal().getName())
                .map(view ->
                        Response.status(Response.Status.CREATED).entity(view).build());
    }
}
