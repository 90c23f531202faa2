package org.goldbuying.station.heartbeat;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.contracts.StationHeartbeat;
import org.goldbuying.station.security.Roles;

@Path("/api/status")
@RolesAllowed(Roles.CLERK)
public class HeartbeatResource {
    private final HeartbeatSender heartbeat;

    public HeartbeatResource(HeartbeatSender heartbeat) {
        this.heartbeat = heartbeat;
    }

    @GET
    @Operation(
            summary = "The station's status as its next heartbeat will report it (backlog, latest purchase, balance)")
    public Uni<StationHeartbeat> status() {
        return heartbeat.current();
    }
}
