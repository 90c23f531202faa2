package org.goldbuying.centre.integrity;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.security.Roles;

@Path("/api/integrity/incidents")
@RolesAllowed({Roles.TREASURY, Roles.AUDITOR})
public class IntegrityResource {
    private final IntegrityIncidents incidents;

    public IntegrityResource(IntegrityIncidents incidents) {
        this.incidents = incidents;
    }

    @GET
    @Operation(
            summary = "Purchase messages refused as not genuine (figures that do not add up, a reused purchase id or "
                    + "station sequence), with the evidence and the message; open ones first, newest first")
    public Uni<List<IntegrityIncidents.View>> latest() {
        return incidents.latest(200);
    }
}
