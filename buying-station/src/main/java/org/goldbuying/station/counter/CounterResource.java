package org.goldbuying.station.counter;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.assay.XrfAnalyser;
import org.goldbuying.station.security.Roles;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/counter")
@RolesAllowed(Roles.CLERK)
public class CounterResource {
    private final CounterEvents events;
    private final XrfAnalyser analyser;

    public CounterResource(CounterEvents events, XrfAnalyser analyser) {
        this.events = events;
        this.analyser = analyser;
    }

    /** Server-sent events, so the counter shows shots and the quote the moment they exist, without polling. */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live stream of the counter: XRF shots, quotes, flags and analyser problems as they happen")
    public Multi<CounterEvent> events() {
        return events.follow();
    }

    public record XrfStatus(String state) {}

    @GET
    @Path("xrf")
    @Operation(summary = "The XRF analyser's line: connected, not configured, or its last fault")
    public XrfStatus xrf() {
        return new XrfStatus(analyser.state());
    }
}
