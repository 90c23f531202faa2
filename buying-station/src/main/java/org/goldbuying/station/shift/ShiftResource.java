package org.goldbuying.station.shift;

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

@Path("/api/shifts")
@RolesAllowed(Roles.CLERK)
public class ShiftResource {
    private final ShiftService shifts;
    private final SecurityIdentity identity;

    public ShiftResource(ShiftService shifts, SecurityIdentity identity) {
        this.shifts = shifts;
        this.identity = identity;
    }

    private String who() {
        return identity.getPrincipal().getName();
    }

    @POST
    @Operation(summary = "Open your shift with the float you counted into the drawer (minor units)")
    public Uni<Response> open(@Valid @NotNull ShiftRequests.OpenShift request) {
        return shifts.open(who(), request)
                .map(view -> Response.created(URI.create("/api/shifts/" + view.id()))
                        .entity(view)
                        .build());
    }

    @GET
    @Path("current")
    @Operation(summary = "Your shift not yet closed: float, drawer now, cash paid out, gold bought")
    public Uni<ShiftView> current() {
        return shifts.current(who());
    }

    @POST
    @Path("current/count")
    @Operation(
            summary = "Count cash and gold at the end of your shift; the station records its own figures and the "
                    + "differences, and the drawer pays no more cash")
    public Uni<ShiftView> count(@Valid @NotNull ShiftRequests.Count request) {
        return shifts.count(who(), request);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A shift with its figures and count")
    public Uni<ShiftView> get(@PathParam("id") UUID id) {
        return shifts.find(id);
    }

    @POST
    @Path("{id}/sign-off")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "A supervisor (not the shift's clerk) signs a counted shift off, which closes it")
    public Uni<ShiftView> signOff(@PathParam("id") UUID id) {
        return shifts.signOff(id, who());
    }
}
