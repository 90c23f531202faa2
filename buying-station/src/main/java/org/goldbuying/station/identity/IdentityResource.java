package org.goldbuying.station.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.security.Roles;

@Path("/api/identity")
@RolesAllowed(Roles.CLERK)
public class IdentityResource {
    private final StationIdentity identity;

    public IdentityResource(StationIdentity identity) {
        this.identity = identity;
    }

    /** What the centre's operators register for this station: its id, region and public key. */
    public record IdentityView(String stationId, String region, String keyId, String publicKey) {}

    @GET
    @Operation(summary = "The station's id, region and signing public key, as the centre must register them")
    public IdentityView identity() {
        return new IdentityView(
                identity.stationId(),
                identity.region(),
                identity.publicKey().keyId(),
                identity.publicKey().text());
    }
}
