package org.goldbuying.centre.ingest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.security.Roles;

/** What approving a station's key would readmit, shown beside the key's Approve button. */
@Path("/api/station-keys/{keyId}/waiting")
@RolesAllowed({Roles.TREASURY, Roles.AUDITOR})
public class ReadmissionResource {
    private final UnregisteredKeyReadmission readmission;

    public ReadmissionResource(UnregisteredKeyReadmission readmission) {
        this.readmission = readmission;
    }

    @GET
    @Operation(
            summary = "The purchases signed with this key that were refused while it was not approved: approving it"
                    + " readmits them")
    public Uni<UnregisteredKeyReadmission.Waiting> waiting(@PathParam("keyId") String keyId) {
        return readmission.waitingFor(keyId);
    }
}
