package org.goldbuying.centre.dashboard;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
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

    public record Me(String username, Set<String> roles) {}

    @GET
    @Path("me")
    @Operation(summary = "Who is logged in at the centre, and with which roles")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles());
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
