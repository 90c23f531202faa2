package org.goldbuying.centre.station;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.security.Roles;

@Path("/api/stations")
@RolesAllowed({Roles.TREASURY, Roles.AUDITOR})
public class StationResource {
    private final StationStatusService stations;

    public StationResource(StationStatusService stations) {
        this.stations = stations;
    }

    @GET
    @Operation(summary = "Every station: online or offline, backlog, purchases not yet at the centre, balance, alerts")
    public Uni<List<StationView>> stations() {
        return stations.stations();
    }
}
