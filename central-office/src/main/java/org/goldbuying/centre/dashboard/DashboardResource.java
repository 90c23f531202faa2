package org.goldbuying.centre.dashboard;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.security.Roles;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api")
@RolesAllowed({Roles.TREASURY, Roles.AUDITOR})
public class DashboardResource {
    private final DashboardEvents events;
    private final SecurityIdentity identity;

    public DashboardResource(DashboardEvents events, SecurityIdentity identity) {
        this.events = events;
        this.identity = identity;
    }

    /** Who is logged in, with which roles, and how: through the bank's identity provider, or a password account. */
    public record Me(String username, Set<String> roles, String via) {}

    @GET
    @Path("me")
    @Authenticated
    @Operation(summary = "Who is logged in at the centre, with which roles, and how (identity-provider or password)")
    public Me me() {
        String via = identity.getPrincipal() instanceof JsonWebToken ? "identity-provider" : "password";
        return new Me(identity.getPrincipal().getName(), identity.getRoles(), via);
    }

    @GET
    @Path("dashboard/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events for the treasury dashboard: a purchase was ingested")
    public Multi<DashboardEvents.Change> stream() {
        return events.stream();
    }
}
