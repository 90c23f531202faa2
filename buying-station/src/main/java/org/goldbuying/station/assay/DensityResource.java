package org.goldbuying.station.assay;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.lot.LotRequests;
import org.goldbuying.station.lot.LotView;
import org.goldbuying.station.security.Roles;

@Path("/api/lots/{id}/density")
@RolesAllowed(Roles.CLERK)
public class DensityResource {
    private final DensityTests tests;
    private final SecurityIdentity identity;

    public DensityResource(DensityTests tests, SecurityIdentity identity) {
        this.tests = tests;
        this.identity = identity;
    }

    @POST
    @Operation(
            summary = "Record a density test (weight in water; weight in air is the lot's gross weight) and "
                    + "compare it with the XRF composition; a mismatch needs a supervisor")
    public Uni<LotView> density(@PathParam("id") UUID id, @Valid @NotNull LotRequests.Density density) {
        return tests.record(id, density, identity.getPrincipal().getName());
    }
}
