package org.goldbuying.centre.integrity;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.security.Roles;
import org.goldbuying.web.WrittenReason;

@Path("/api/integrity/incidents")
@RolesAllowed({Roles.TREASURY, Roles.AUDITOR})
public class IntegrityResource {
    private final IntegrityIncidents incidents;
    private final SecurityIdentity identity;

    public IntegrityResource(IntegrityIncidents incidents, SecurityIdentity identity) {
        this.incidents = incidents;
        this.identity = identity;
    }

    @GET
    @Operation(
            summary = "Purchase messages refused as not genuine (figures that do not add up, a reused purchase id or "
                    + "station sequence), with the evidence and the message; open ones first, newest first")
    public Uni<List<IntegrityIncidents.View>> latest() {
        return incidents.latest(200);
    }

    public record Resolution(
            @NotBlank
            @Size(max = 1000)
            @Pattern(regexp = WrittenReason.AT_LEAST_10, message = "must say in at least 10 characters what was found")
            String note) {}

    @POST
    @Path("{id}/resolution")
    @RolesAllowed(Roles.TREASURY)
    @Operation(summary = "Propose how an open incident is resolved (what was found and done); another user confirms")
    public Uni<Response> propose(@PathParam("id") long id, @Valid @NotNull Resolution resolution) {
        return incidents
                .proposeResolution(id, resolution.note().strip(), who())
                .replaceWith(Response.noContent().build());
    }

    @POST
    @Path("{id}/confirm")
    @RolesAllowed(Roles.TREASURY)
    @Operation(summary = "Confirm a proposed resolution (a different treasury user than the proposer)")
    public Uni<Response> confirm(@PathParam("id") long id) {
        return incidents
                .confirmResolution(id, who())
                .replaceWith(Response.noContent().build());
    }

    private String who() {
        return identity.getPrincipal().getName();
    }
}
